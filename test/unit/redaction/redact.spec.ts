import { unmasked } from '../../../src/redaction/masks';
import { redactTranscript, redactText } from '../../../src/redaction/redact';
import type { AddressLevel } from '../../../src/redaction/redaction.types';

type Line = [speaker: 'agent' | 'customer', text: string];

function redact(language: string, lines: Line[], address?: AddressLevel) {
  const result = redactTranscript(
    lines.map(([speaker, text]) => ({ speaker, text })),
    { language, address },
  );
  return { texts: result.turns.map((t) => t.text), findings: result.findings };
}

/** One turn said alone, redacted in the given language. */
const ko = (text: string) => redactText(text, { language: 'ko' });
const en = (text: string) => redactText(text, { language: 'en' });

describe('redactor: Korean identifiers written as digits', () => {
  it.each([
    ['제 주민번호는 850101-1234568입니다', '제 주민번호는 [주민번호]입니다'],
    // Issued after October 2020: no check digit, the birth date and gender digit say what it is.
    ['아이 주민번호요? 210315-4829173이에요', '아이 주민번호요? [주민번호]이에요'],
    ['외국인등록번호는 900101-5123456입니다', '외국인등록번호는 [외국인번호]입니다'],
    ['카드번호 4111-1111-1111-1111 로 결제해 주세요', '카드번호 [카드번호] 로 결제해 주세요'],
    ['9410 1234 5678 9010 이 번호로 결제했어요', '[카드번호] 이 번호로 결제했어요'],
    ['휴대폰은 010-9876-5432입니다', '휴대폰은 [전화번호]입니다'],
    ['집 전화 02-345-6789로 주세요', '집 전화 [전화번호]로 주세요'],
    ['회사 번호 031 123 4567 이에요', '회사 번호 [전화번호] 이에요'],
    ['+82 10-2345-6789 로 연락 주세요', '+[전화번호] 로 연락 주세요'],
    ['０１０－１２３４－５６７８', '[전화번호]'],
    [
      '환불 계좌는 신한은행 110-234-567890 예금주 홍길동이요',
      '환불 계좌는 신한은행 [계좌번호] 예금주 홍길동이요',
    ],
    ['인증번호 482913 입니다', '인증번호 [인증번호] 입니다'],
    ['메일은 hong.gd@naver.com 으로 보내주세요', '메일은 [이메일] 으로 보내주세요'],
  ])('%s', (text, expected) => {
    expect(ko(text)).toBe(expected);
  });

  it('full-width digits are masked', () => {
    expect(ko('번호는 ０１０-１２３４-５６７８이요')).toBe('번호는 [전화번호]이요');
  });
});

describe('redactor: spoken Korean digits', () => {
  it.each([
    // A 이 after the digits may be a last 2 or the copula: it is masked with them.
    ['공일공 일이삼사 오육칠팔이요', '[전화번호]요'],
    ['제 번호는 공일공에 구팔칠육에 오사삼이입니다', '제 번호는 [전화번호]입니다'],
    ['팔오공일공일 다시 일이삼사오육육이요', '[주민번호]요'],
    ['850101 1234566 이게 제 번호예요', '[주민번호] 이게 제 번호예요'],
  ])('%s', (text, expected) => {
    expect(ko(text)).toBe(expected);
  });

  it('a registration number asked for and read in two parts', () => {
    const { texts } = redact('ko', [
      ['agent', '주민번호 앞자리 말씀해 주세요'],
      ['customer', '팔오공일공일이요'],
      ['agent', '뒷자리도 말씀해 주시겠어요?'],
      ['customer', '일이삼사오육팔이요'],
    ]);
    expect(texts[3]).toBe('[주민번호]요');
    // The front part alone is a birth date: not a registration number.
    expect(texts[1]).toBe('팔오공일공일이요');
  });

  it('a one-time code read out after the agent asks for it', () => {
    const { texts } = redact('ko', [
      ['agent', '방금 문자로 인증번호 보내드렸는데요, 불러주시겠어요?'],
      ['customer', '네 삼구칠이오일이요'],
    ]);
    expect(texts[1]).toBe('네 [인증번호]요');
  });
});

describe('redactor: split across turns', () => {
  it('a phone number dictated over three turns with the agent saying 네 between', () => {
    const { texts, findings } = redact('ko', [
      ['agent', '연락 가능한 번호 말씀해 주세요'],
      ['customer', '공일공에'],
      ['agent', '네'],
      ['customer', '구팔칠육'],
      ['agent', '네네'],
      ['customer', '오사삼이요'],
    ]);
    expect(texts).toEqual([
      '연락 가능한 번호 말씀해 주세요',
      '[전화번호]에',
      '네',
      '[전화번호]',
      '네네',
      '[전화번호]요',
    ]);
    expect(findings.map((f) => [f.kind, f.turn])).toEqual([
      ['phone', 1],
      ['phone', 3],
      ['phone', 5],
    ]);
  });

  it('a card number split over two speech-to-text segments', () => {
    const { texts } = redact('en', [
      ['customer', 'my card number is 4111 1111'],
      ['customer', '1111 1111 and it expires in march'],
    ]);
    expect(texts).toEqual([
      'my card number is [CARD NUMBER]',
      '[CARD NUMBER] and it expires in march',
    ]);
  });

  it("another speaker's real answer ends the dictation", () => {
    const { texts } = redact('ko', [
      ['customer', '공일공에 구팔칠육'],
      ['agent', '잠시만요, 요금제 확인해 드릴게요'],
      ['customer', '오사삼이 맞아요'],
    ]);
    expect(texts[0]).toBe('공일공에 구팔칠육');
  });
});

describe('redactor: English', () => {
  it.each([
    [
      'my card number is four one one one one one one one one one one one one one one one',
      'my card number is [CARD NUMBER]',
    ],
    [
      'you can reach me at five five five, two one two, double four nine eight',
      'you can reach me at [PHONE]',
    ],
    ['my phone is (415) 555-2671', 'my phone is ([PHONE]'],
    ['call me on 415-555-2671 after six', 'call me on [PHONE] after six'],
    ['my social is 123-45-6789', 'my social is [SSN]'],
    [
      'the routing is fine, my account number is 0012345678',
      'the routing is fine, my account number is [ACCOUNT NUMBER]',
    ],
    ['my email is john dot smith at gmail dot com', 'my email is [EMAIL]'],
    ['it is jsmith42@example.co.uk', 'it is [EMAIL]'],
    ['the security code on the back is 737', 'the security code on the back is [CARD NUMBER]'],
  ])('%s', (text, expected) => {
    expect(en(text)).toBe(expected);
  });

  it('a verification code answered in the next turn', () => {
    const { texts } = redact('en', [
      ['agent', "I've sent a verification code to your phone, could you read it to me?"],
      ['customer', 'yeah it is eight two nine one four four'],
    ]);
    expect(texts[1]).toBe('yeah it is [CODE]');
  });
});

describe('redactor: addresses at each level', () => {
  const text = '주소는 서울시 강남구 테헤란로 123, 45동 678호예요';
  it('detail (the default) masks the street number and unit and keeps the district', () => {
    expect(redactText(text, { language: 'ko' })).toBe('주소는 서울시 강남구 [주소]예요');
  });
  it('full masks the whole address', () => {
    expect(redactText(text, { language: 'ko', address: 'full' })).toBe('주소는 [주소]예요');
  });
  it('off leaves addresses', () => {
    expect(redactText(text, { language: 'ko', address: 'off' })).toBe(text);
  });
  it('lot addresses and apartment units', () => {
    expect(ko('배송지는 성남시 분당구 정자동 178-1 번지예요')).toBe(
      '배송지는 성남시 분당구 [주소]예요',
    );
    expect(ko('래미안아파트 101동 1203호로 보내주세요')).toBe('[주소]로 보내주세요');
  });
  it('an English street line, its zip kept at detail level', () => {
    expect(en('I live at 123 Main Street, Apt 4B, Springfield, IL 62704')).toBe(
      'I live at [ADDRESS], Springfield, IL 62704',
    );
    expect(
      redactText('I live at 123 Main Street, Springfield, IL 62704', {
        language: 'en',
        address: 'full',
      }),
    ).toBe('I live at [ADDRESS]');
  });
});

describe('redactor: what is not personal data stays', () => {
  it.each([
    '본인 확인을 위해 생년월일 말씀해 주시겠어요?',
    '주민번호 뒷자리 말씀해 주시겠어요?',
    '이번 달 요금은 35,000원이고 다음 달부터 49,500원입니다',
    '삼만 오천 원 결제되셨어요',
    '2024년 12월 6일 오후 3시 30분에 방문 예정입니다',
    '5G 프리미엄 요금제로 변경하시면 월 89,000원이에요',
    '약정은 24개월이고 3개월 무료입니다',
    '주문번호 2024120612345 확인해 드릴게요',
    '내선 1234번으로 연결해 드릴게요',
    '고객센터 1588-1234로 전화 주세요',
    '카드로 3개월 할부 하셨네요',
    '이 번호로 문자 드릴게요',
    '일일이 확인해 드릴게요',
    '강남구 역삼동 쪽에 사세요?',
    '이사 가시면 주소 변경 해 주셔야 해요',
    '통화 시간이 12분 34초였습니다',
  ])('%s', (text) => {
    expect(ko(text)).toBe(text);
  });

  it.each([
    'could you please confirm your date of birth?',
    'your bill this month is $49.99 and next month $54.99',
    'I waited 25 minutes on December 6 2024 at 3 pm',
    'one moment please, I have one question about the unlimited 55 plan',
    'your order number is 1234567890123',
    'please hold while I transfer you to extension 4521',
    'we have a 30 day return policy and 2 year warranty',
    'the 5G plan is twenty five dollars',
    'can you give me the last four digits of the card',
  ])('%s', (text) => {
    expect(en(text)).toBe(text);
  });
});

describe('redactor: sources already redacted', () => {
  it("keeps Transcribe's [PII] and Contact Lens masks and reports them", () => {
    const { texts, findings } = redact('en', [
      ['customer', 'my number is [PII] and my card is [PII]'],
      ['customer', 'it is ****'],
    ]);
    expect(texts).toEqual(['my number is [PII] and my card is [PII]', 'it is ****']);
    expect(findings.map((f) => f.kind)).toEqual(['pre_redacted', 'pre_redacted', 'pre_redacted']);
  });

  it('reports each mask with its offsets in the redacted text and never the value', () => {
    const { texts, findings } = redact('ko', [
      ['agent', '네 고객님'],
      ['customer', '제 번호는 010-9876-5432이고 메일은 a.b@naver.com이에요'],
    ]);
    expect(findings).toEqual([
      { kind: 'phone', turn: 1, start: 6, end: 12 },
      { kind: 'email', turn: 1, start: 19, end: 24 },
    ]);
    for (const f of findings) expect(texts[f.turn].slice(f.start, f.end)).toMatch(/^\[.+\]$/);
    expect(JSON.stringify(findings)).not.toMatch(/9876|naver/);
  });

  it('masks are in the transcript language', () => {
    expect(en('my phone is 010-9876-5432')).toBe('my phone is [PHONE]');
    expect(ko('my phone is 010-9876-5432')).toBe('my phone is [전화번호]');
  });
});

describe('redactor: bad input', () => {
  it('a 50,000-character turn of digits and a huge mixed run are handled without a throw', () => {
    const huge = '1'.repeat(50_000);
    expect(ko(huge)).toBe(huge);
    const mixed = Array.from({ length: 5_000 }, (_, i) => `${i} 공일공 four 일`).join(' ');
    expect(() => ko(mixed)).not.toThrow();
  });

  it('an empty transcript and empty turns', () => {
    expect(redactTranscript([], { language: 'ko' })).toEqual({ turns: [], findings: [] });
    expect(ko('')).toBe('');
  });
});

describe('masks read by auto-QA', () => {
  it('a mask reads as a number, not as the words of its label', () => {
    expect(unmasked('번호는 [전화번호] 입니다')).toBe('번호는 0 입니다');
    expect(unmasked('my card is [CARD NUMBER] and [PII]')).toBe('my card is 0 and 0');
    expect(unmasked('[참고] 생년월일 말씀해 주시겠어요')).toBe('[참고] 생년월일 말씀해 주시겠어요');
  });
});
