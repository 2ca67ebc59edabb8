/** What tuning on the accuracy set's dev split changed, and what it must not change. */
import { redactTranscript } from '../../../src/redaction/redact';

const texts = (turns: [string, string][], language = 'ko') =>
  redactTranscript(
    turns.map(([speaker, text]) => ({ speaker, text })),
    { language, address: 'detail' },
  ).turns.map((t) => t.text);

describe('redactor: roads named …대로 and prompts to go on', () => {
  it('masks the number of a road whose name ends in 대로', () => {
    expect(
      texts([
        ['agent', '배송받으실 주소 말씀해 주시겠어요?'],
        ['customer', '대구시 수성구 달구벌대로 42, 105동 1789호입니다'],
      ])[1],
    ).toBe('대구시 수성구 [주소]입니다');
    expect(texts([['customer', '서울시 중구 세종대로 110 이에요']])[0]).toBe(
      '서울시 중구 [주소] 이에요',
    );
  });

  it('leaves "대로" as a word alone: 말씀하신 대로 …', () => {
    const said = '말씀하신 대로 3개월 약정으로 바꿔 드릴게요';
    expect(texts([['agent', said]])[0]).toBe(said);
    const asked = '주소 변경은 말씀하신 대로 2 영업일 걸립니다';
    expect(texts([['agent', asked]])[0]).toBe(asked);
  });

  it('reads a card number on over "네, 계속 말씀하세요" and "okay, go ahead"', () => {
    const ko = texts([
      ['agent', '카드번호 16자리 말씀해 주세요.'],
      ['customer', '5310 2251'],
      ['agent', '네, 계속 말씀하세요.'],
      ['customer', '4432 1190요'],
    ]);
    expect(ko[1]).not.toMatch(/\d{4}/);
    expect(ko[3]).not.toMatch(/\d{4}/);
    expect(ko[2]).toBe('네, 계속 말씀하세요.');
    const en = texts(
      [
        ['agent', 'Go ahead with the card number.'],
        ['customer', '5310 2251'],
        ['agent', 'Okay, go ahead.'],
        ['customer', '4432 1190'],
      ],
      'en',
    );
    expect(en[1]).not.toMatch(/\d{4}/);
    expect(en[3]).not.toMatch(/\d{4}/);
  });

  it('still breaks the chain on a real question between', () => {
    const turns = texts([
      ['agent', '주문번호 알려주시겠어요?'],
      ['customer', '2024'],
      ['agent', '몇 년도에 주문하셨어요?'],
      ['customer', '1203요'],
    ]);
    expect(turns[3]).toBe('1203요');
  });
});

describe('redactor: what tuning on the dev-2 split and probing resident numbers changed', () => {
  it("keeps a company's toll-free number and masks the caller's own", () => {
    const said = 'You can also call us at 1-800-822-8727 any time.';
    expect(texts([['agent', said]], 'en')[0]).toBe(said);
    expect(texts([['customer', 'You can reach me at 415-555-0134.']], 'en')[0]).toBe(
      'You can reach me at [PHONE].',
    );
  });

  it('masks a code read out after "the code we sent", and keeps a zip code', () => {
    expect(
      texts(
        [
          ['agent', 'Please read me the code we sent.'],
          ['customer', 'Okay it says 950211, expires in 10 minutes'],
        ],
        'en',
      )[1],
    ).toBe('Okay it says [CODE], expires in 10 minutes');
    const zip = 'Your zip code is 94110, correct?';
    expect(texts([['agent', zip]], 'en')[0]).toBe(zip);
  });

  it('reads 하이픈 spoken between the halves, and 뒷번호 as the back half', () => {
    expect(
      texts([
        ['agent', '주민번호 말씀해 주세요'],
        ['customer', '팔공공일일오 하이픈 일이삼사오육칠이요'],
      ])[1],
    ).toBe('[주민번호]요');
    expect(
      texts([
        ['agent', '뒷번호도 말씀해 주세요'],
        ['customer', '1234567이요'],
      ])[1],
    ).toBe('[주민번호]이요');
  });
});
