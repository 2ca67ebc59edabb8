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
