import fc from 'fast-check';
import { redactTranscript } from '../../../src/redaction/redact';
import type { AddressLevel } from '../../../src/redaction/redaction.types';

/** Pieces of speech-to-text that come near identifiers: digits in every form, keywords, masks. */
const PIECES = [
  '010',
  '1234',
  '5678',
  '02',
  '４１１１',
  '850101',
  '-',
  ' ',
  ', ',
  '.',
  '\n',
  '다시',
  '에',
  '공일공',
  '일이삼사',
  '오육칠팔이요',
  '이',
  '일',
  '구',
  'four',
  'one',
  'double',
  'five',
  'oh',
  'twenty',
  '주민번호',
  '계좌번호',
  '카드번호',
  '인증번호',
  '주문번호',
  '휴대폰',
  '생년월일 말씀해 주시겠어요',
  '원',
  '개월',
  'phone',
  'card number',
  'account',
  'code',
  'order',
  'at',
  'dot',
  'com',
  '골뱅이',
  '네이버',
  '닷컴',
  '@',
  'a.b@x.com',
  '강남구',
  '테헤란로',
  '101동',
  '12호',
  'Main Street',
  'Apt',
  '[PII]',
  '****',
  '[전화번호]',
  '[CARD NUMBER]',
  '[',
  ']',
  '$',
  '5G',
  '네',
];

const text = fc
  .array(
    fc.oneof(
      fc.constantFrom(...PIECES),
      fc.string({ maxLength: 6 }),
      fc.stringMatching(/^\d{1,20}$/),
    ),
    {
      maxLength: 30,
    },
  )
  .map((parts) => parts.join(''));
const turns = fc.array(fc.record({ speaker: fc.constantFrom('agent', 'customer'), text }), {
  maxLength: 6,
});
const options = fc.record({
  language: fc.constantFrom('ko', 'en'),
  address: fc.constantFrom<AddressLevel>('off', 'detail', 'full'),
});

describe('redactor properties', () => {
  it('never throws, keeps the turns, and its findings point at masks in the redacted text', () => {
    fc.assert(
      fc.property(turns, options, (input, opts) => {
        const { turns: out, findings } = redactTranscript(input, opts);
        expect(out).toHaveLength(input.length);
        out.forEach((t, i) => expect(t.speaker).toBe(input[i].speaker));
        for (const f of findings) {
          expect(out[f.turn].text.slice(f.start, f.end)).toMatch(/^(\[.+\]|[*#]+)$/);
        }
      }),
      { numRuns: 400, seed: 16 },
    );
  });

  it('is idempotent: redacting a redacted transcript changes nothing', () => {
    fc.assert(
      fc.property(turns, options, (input, opts) => {
        const once = redactTranscript(input, opts);
        const twice = redactTranscript(once.turns, opts);
        expect(twice.turns.map((t) => t.text)).toEqual(once.turns.map((t) => t.text));
        expect(twice.findings).toEqual(once.findings);
      }),
      { numRuns: 400, seed: 16 },
    );
  });
});
