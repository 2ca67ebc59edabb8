/**
 * What tuning on the third set's dev split (dev-3) changed, and the lookalikes it must keep.
 * Values are fake and written here, not copied from the set.
 */
import { redactTranscript } from '../../../src/redaction/redact';

const texts = (turns: [string, string][], language = 'ko') =>
  redactTranscript(
    turns.map(([speaker, text]) => ({ speaker, text })),
    { language, address: 'detail' },
  ).turns.map((t) => t.text);
const one = (asked: string, said: string, language = 'ko') =>
  texts(
    [
      ['agent', asked],
      ['customer', said],
    ],
    language,
  )[1];

describe('Korean numbers read in place values, native numerals and 둘', () => {
  it('reads groups said in thousands: a phone and a card', () => {
    expect(one('연락처 말씀해 주세요', '공일공에 삼천이백오십칠에 팔천구백십이입니다')).toBe(
      '[전화번호]입니다',
    );
    // 4111 1111 1111 1111 passes Luhn.
    expect(one('카드번호 말씀해 주세요', '사천백십일 천백십일 천백십일 천백십일이요')).not.toMatch(
      /[천백십]/,
    );
  });

  it('reads native numerals one by one and 둘 among sino digits', () => {
    expect(
      one('문자 받으실 번호 말씀해 주세요', '공 하나 공 둘 셋 넷 다섯 여섯 일곱 여덟 아홉'),
    ).toBe('[전화번호]');
    expect(one('인증번호 여섯 자리 불러 주세요', '여덟 셋 하나 다섯 둘 넷이요')).toBe(
      '[인증번호]요',
    );
    expect(one('연락처 주시겠어요', '공일공둘삼사오육칠팔구')).toBe('[전화번호]');
  });

  it("a road's number said in place values is masked with the road", () => {
    expect(one('주소 말씀해 주세요', '강남구 테헤란로 이십칠 번지예요')).toBe(
      '강남구 [주소] 번지예요',
    );
  });

  it('keeps amounts, years and everyday words', () => {
    for (const kept of [
      '삼천오백 원 결제됐어요',
      '이천이십사 년에 가입했어요',
      '하나 더 여쭤볼게요',
      '둘 다 해지해 주세요',
      '천천히 말씀해 주세요',
    ]) {
      expect(one('네 말씀하세요', kept)).toBe(kept);
    }
  });
});

describe('numbers over turns and corrections', () => {
  it('reads a card on over "다음이" in the caller\'s own turn', () => {
    const out = texts([
      ['agent', '카드번호 불러 주시겠어요?'],
      ['customer', '4111'],
      ['agent', '네'],
      ['customer', '1111 다음이'],
      ['agent', '네 말씀하세요'],
      ['customer', '11111111입니다'],
    ]);
    expect(out.join(' ')).not.toMatch(/\d{4}/);
  });

  it('reads on over "uh huh" and "yep"', () => {
    const out = texts(
      [
        ['agent', 'And your social security number?'],
        ['customer', 'two one nine'],
        ['agent', 'uh huh'],
        ['customer', 'four double five six seven eight'],
      ],
      'en',
    );
    expect(out[1]).toBe('[SSN]');
    expect(out[3]).toBe('[SSN]');
  });

  it('masks the corrected end of a number ("마지막이 …", "the last four are …", "it ends …")', () => {
    expect(
      one('카드번호 말씀해 주세요', '4111111111111111 아 다시 말씀드리면 마지막이 2468예요'),
    ).toBe('[카드번호] 아 다시 말씀드리면 마지막이 [카드번호]예요');
    expect(
      one('Your phone number?', '415-555-0132, no wait, it ends two four six eight', 'en'),
    ).toBe('[PHONE], no wait, it ends [PHONE]');
  });

  it('keeps a year after "ends"', () => {
    const said = 'the promotion ends in 2027, right?';
    expect(one('Anything else?', said, 'en')).toBe(said);
  });
});

describe('English: phones said with double/triple, UK numbers, codes named after them', () => {
  it('masks a North American number said digit by digit with triple', () => {
    expect(
      one('Best number to reach you?', 'two one two triple five oh one nine eight', 'en'),
    ).toBe('[PHONE]');
  });

  it('masks UK mobiles and geographic numbers, keeps 03/08 company numbers', () => {
    expect(one('Your mobile?', '+44 7700 900461', 'en')).toBe('+[PHONE]');
    expect(one('Your number?', '020 7946 0321', 'en')).toBe('[PHONE]');
    const company = 'You can call us on 0345 600 1234 any time.';
    expect(texts([['agent', company]], 'en')[0]).toBe(company);
  });

  it('masks a code the words after it name ("… expires in 5 min")', () => {
    expect(texts([['customer', '493817 expires in 5 min']], 'en')[0]).toBe(
      '[CODE] expires in 5 min',
    );
  });

  it('"the text." is not an extension number: the code read after it is masked', () => {
    expect(
      one('Read me the verification code from the text.', 'five double two nine one four', 'en'),
    ).toBe('[CODE]');
  });

  it('masks a flat before the street', () => {
    expect(one('And your address?', 'Flat 4, 22 Mill Lane, Leeds', 'en')).toBe('[ADDRESS], Leeds');
  });

  it('keeps an amount written with thousands separators beside a card', () => {
    expect(
      one('결제하실 카드번호 말씀해 주세요', '4111-11111111-1111이고 12,000원 일시불로요'),
    ).toBe('[카드번호]이고 12,000원 일시불로요');
  });
});
