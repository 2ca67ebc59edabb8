/**
 * Which identifier a run of digits is: by its structure (checksums, prefixes) and by what was
 * asked just before it ("계좌번호 말씀해 주세요" makes the next digits an account number).
 */
import type { MaskSpan } from './redaction.types';

export type NumberKind = Exclude<MaskSpan['kind'], 'email' | 'address'>;

/** What the words before a number say it is; `order` covers lookalikes that must stay. */
export type NumberContext = NumberKind | 'cvc' | 'order' | 'last_four' | null;

const CONTEXT_WORDS: [Exclude<NumberContext, null>, RegExp][] = [
  [
    'order',
    /주문\s?번호|송장|운송장|접수\s?번호|예약\s?번호|사번|모델|내선|우편\s?번호|order|tracking|confirmation|case\s?(?:number|id)|ticket|reference|invoice|model|serial|extension|\bext\.|zip\s?code|postal\s?code/gi,
  ],
  [
    'resident_id',
    /주민\s?(?:등록)?\s?번호|주민번호|뒷자리|앞자리|뒷\s?번호|뒤\s?(?:일곱|7)\s?자리|resident\s?(?:registration)?\s?number/gi,
  ],
  [
    'foreigner_id',
    /외국인\s?등록\s?번호|외국인\s?번호|alien\s?registration|foreigner\s?(?:registration|id)/gi,
  ],
  ['national_id', /social\s?security|\bsocial\b|\bssn\b|사회\s?보장\s?번호/gi],
  ['cvc', /\bcvc\b|\bcvv\b|security\s?code\s?on\s?the\s?back|보안\s?코드|카드\s?뒷면/gi],
  [
    'card',
    /카드\s?번호|신용\s?카드|체크\s?카드|card\s?number|credit\s?card|debit\s?card|visa|mastercard|amex/gi,
  ],
  [
    'account',
    /계좌|은행|입금|이체|환불\s?받으실|예금주|농협|카카오\s?뱅크|토스\s?뱅크|account\s?number|bank|routing|checking|savings|deposit|wire/gi,
  ],
  [
    'phone',
    /전화\s?번호|연락처|핸드폰|휴대폰|휴대\s?전화|phone|cell|mobile|call\s?(?:you\s?|me\s?)?back|call\s?me|text\s?me|reach\s?(?:you|me)/gi,
  ],
  [
    // A correction of a number's end: "다시 말씀드리면 마지막이 0253", "the last four are …".
    'last_four',
    /마지막(?:이|은|\s?네\s?자리)|끝\s?(?:자리|번호)|last\s(?:four|4)(?:\sdigits)?(?:\s(?:are|is))?|\bit\sends(?:\s(?:in|with))?|\bending\s(?:in|with)/gi,
  ],
  [
    'one_time_code',
    /인증\s?번호|인증\s?코드|보안\s?문자|\botp\b|비밀\s?번호|verification\s?code|one[\s-]?time|passcode|\bpin\b|password|security\s?code|access\s?code|\b(?:the|that|this|your)\s?code\b/gi,
  ],
];

/**
 * What was named within `window` characters before the end of `before`, the latest first
 * ("주민번호 뒷자리와 휴대폰 번호" names a phone, then a registration number).
 */
export function contextsOf(before: string, window = 100): Exclude<NumberContext, null>[] {
  // A mask already there ([전화번호]) names what was, not what comes next.
  const text = before.slice(-window).replace(/\[[^[\]\n]{1,40}\]/g, (m) => ' '.repeat(m.length));
  const named: { kind: Exclude<NumberContext, null>; at: number }[] = [];
  for (const [kind, pattern] of CONTEXT_WORDS) {
    let at = -1;
    for (const m of text.matchAll(pattern)) at = m.index + m[0].length;
    // An order or extension number is the very next thing said, not one a sentence later.
    const reach = kind === 'order' ? 40 : window;
    if (at >= 0 && text.length - at <= reach) named.push({ kind, at });
  }
  return named.sort((a, b) => b.at - a.at).map((c) => c.kind);
}

export function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** The check digit of registration numbers issued before October 2020. */
export function registrationChecksum(digits: string): boolean {
  const weights = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];
  const sum = weights.reduce((n, w, i) => n + w * (digits.charCodeAt(i) - 48), 0);
  const resident = (11 - (sum % 11)) % 10;
  const foreigner = (13 - (sum % 11)) % 10;
  const last = digits.charCodeAt(12) - 48;
  return '5678'.includes(digits[6]) ? last === foreigner || last === resident : last === resident;
}

function validBirthDate(digits: string): boolean {
  const month = Number(digits.slice(2, 4));
  const day = Number(digits.slice(4, 6));
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/** A 13-digit registration number: resident (gender digit 1-4) or foreigner (5-8). */
function registration(digits: string, context: NumberContext): NumberKind | null {
  if (digits.length !== 13) return null;
  const foreign = '5678'.includes(digits[6]);
  const kind = foreign ? 'foreigner_id' : 'resident_id';
  if (context === 'resident_id' || context === 'foreigner_id') return kind;
  if (!validBirthDate(digits) || !'12345678'.includes(digits[6])) return null;
  if (registrationChecksum(digits)) return kind;
  // Issued from October 2020 on: the last six digits are random, no check digit.
  const born2000s = '3478'.includes(digits[6]);
  const issuedAfterChange = born2000s && Number(digits.slice(0, 4)) >= 2010;
  return issuedAfterChange && context !== 'order' ? kind : null;
}

function koreanPhone(digits: string): boolean {
  let d = digits;
  if (d.startsWith('82') && d.length >= 11) d = `0${d.slice(2)}`;
  if (/^01[016789]\d{7,8}$/.test(d)) return true;
  if (/^02\d{7,8}$/.test(d)) return true;
  if (/^0[3-6][1-5]\d{7,8}$/.test(d)) return true;
  return /^070\d{8}$/.test(d) || /^050\d{8,9}$/.test(d);
}

function northAmericanPhone(digits: string, groups: number[]): boolean {
  const d = digits.length === 11 && digits[0] === '1' ? digits.slice(1) : digits;
  if (!/^[2-9]\d{2}[2-9]\d{6}$/.test(d)) return false;
  // Toll-free numbers (1-800 …) are a company's, not a caller's.
  if (/^8(?:00|33|44|55|66|77|88)/.test(d)) return false;
  const shape = groups.join('-');
  return (
    shape === '3-3-4' ||
    shape === '1-3-3-4' ||
    groups.length === 1 ||
    // Said digit by digit, with "double" and "triple" ("triple seven three …").
    (groups.length >= 4 && groups.every((g) => g <= 3))
  );
}

/** A UK mobile or geographic number (07…, 01…, 02…; +44 read as 0); 03/08/09 are a company's. */
function ukPhone(digits: string): boolean {
  const d = digits.startsWith('44') && digits.length === 12 ? `0${digits.slice(2)}` : digits;
  return /^07\d{9}$/.test(d) || /^0[12]\d{8,9}$/.test(d);
}

/**
 * The identifier these digits are, or null. `groups` are the lengths of the digit groups as
 * written ("010-1234-5678" = 3,4,4); `english` widens phones to North American numbers.
 */
export function classifyNumber(
  digits: string,
  groups: number[],
  contexts: Exclude<NumberContext, null>[],
  english: boolean,
): NumberKind | null {
  for (const context of contexts) {
    if (context === 'last_four') {
      if (digits.length !== 4 || /^(?:19|20)\d\d$/.test(digits)) continue;
      // The number it corrects was named before: a card's, a phone's or an account's end.
      const named = contexts.find((c) => c === 'card' || c === 'phone' || c === 'account');
      return named ?? 'card';
    }
    const kind = classifyIn(digits, groups, context, english);
    if (kind || context === 'order') return kind;
  }
  return classifyIn(digits, groups, null, english);
}

function classifyIn(
  digits: string,
  groups: number[],
  context: NumberContext,
  english: boolean,
): NumberKind | null {
  const n = digits.length;
  const asRegistration = registration(digits, context);
  if (asRegistration && context !== 'account' && context !== 'card') return asRegistration;
  if (
    (context === 'resident_id' || context === 'foreigner_id') &&
    n === 7 &&
    /^[1-8]/.test(digits)
  ) {
    return '5678'.includes(digits[0]) ? 'foreigner_id' : 'resident_id';
  }
  if (context === 'account' && n >= 8 && n <= 16) return 'account';
  if (context === 'card' && n >= 14 && n <= 19) return 'card';
  if (context === 'cvc' && (n === 3 || n === 4)) return 'card';
  if (context === 'one_time_code' && n >= 4 && n <= 8) return 'one_time_code';
  if (context === 'national_id' && n === 9) return 'national_id';
  if (context === 'order') return n >= 10 && n <= 11 && /^01[016789]/.test(digits) ? 'phone' : null;
  if (n >= 13 && n <= 19 && /^[3-69]/.test(digits) && luhn(digits)) return 'card';
  // "0345 683 5511" in an English call is written the UK way, not a Korean landline.
  const ukShape = english && groups.length > 1 && groups[0] >= 4 && digits.startsWith('0');
  if (koreanPhone(digits) && !ukShape) return 'phone';
  if (english && (northAmericanPhone(digits, groups) || ukPhone(digits))) return 'phone';
  if (context === 'phone' && n >= 9 && n <= 12) return 'phone';
  if (groups.join('-') === '3-2-4' && !/^(000|666|9)/.test(digits)) return 'national_id';
  if (asRegistration) return asRegistration;
  return null;
}
