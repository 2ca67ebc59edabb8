/**
 * E-mail addresses (written, or spoken: "john dot kim at gmail dot com", "홍길동 골뱅이 네이버
 * 닷컴") and street addresses (Korean road-name and lot addresses, apartment units, English
 * street lines) in a text whose digits are already normalized. Returns spans of that text.
 */
import type { AddressLevel } from './redaction.types';

export interface TextSpan {
  start: number;
  end: number;
}

const WRITTEN_EMAIL =
  /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,4}\.[A-Za-z]{2,12}/g;

const TLD = String.raw`(?:com|net|org|co|kr|edu|gov|io|me|biz|info)`;
const SPOKEN_EN_EMAIL = new RegExp(
  String.raw`((?:\b[a-z0-9]{1,40}(?:\s+(?:dot|underscore|dash|hyphen)\s+|[._-]|\s+)){1,4}?)\bat\s+((?:[a-z0-9]{1,40}\s+(?:dot\s+)?){0,2}?[a-z0-9]{1,40})\s*(?:\s+dot\s+|\.)${TLD}(?:(?:\s+dot\s+|\.)${TLD})?\b`,
  'gi',
);
const EN_STOP = new Set([
  'is',
  'its',
  "it's",
  'my',
  'email',
  'e-mail',
  'mail',
  'address',
  'the',
  'me',
  'to',
  'send',
  'and',
  'it',
  'yes',
  'sure',
  'so',
]);

const KO_AT = /골뱅이|앳|@/g;
const KO_DOMAIN = String.raw`(?:\s*[A-Za-z0-9가-힣]+){1,3}?\s*(?:닷\s?컴|닷\s?넷|닷\s?오알지|닷\s?케이알|닷\s?씨오\s?닷\s?케이알|점\s?컴|\.com|\.net|\.co\.kr|\.kr|닷컴)`;
const KO_DOMAIN_AFTER = new RegExp(`^${KO_DOMAIN}`);
const KO_PROVIDER =
  /^\s*(?:네이버|지메일|다음|한메일|카카오|네이트|naver|gmail|daum|hanmail|kakao|nate)(?:\s?닷\s?컴|\.com|\.net)?/i;
const KO_STOP = /^(?:이메일|메일|주소|제|저|는|은|이메일은|메일은|주소는|이메일\s?주소는|네|예)$/;

export function findEmails(text: string): TextSpan[] {
  const spans: TextSpan[] = [];
  // Cheap tests first: most turns hold no e-mail at all.
  const written = text.includes('@');
  const spokenEn = /\bat\b/i.test(text) && /\bdot\b|\./i.test(text);
  const spokenKo = /골뱅이|앳|@/.test(text);
  if (!written && !spokenEn && !spokenKo) return spans;
  for (const m of text.matchAll(WRITTEN_EMAIL))
    spans.push({ start: m.index, end: m.index + m[0].length });
  for (const m of spokenEn ? text.matchAll(SPOKEN_EN_EMAIL) : []) {
    // The local part: the last words before "at" that are not "my email is".
    const words = [
      ...m[1].matchAll(/[a-z0-9]+(?:\s+(?:dot|underscore|dash|hyphen)\s+[a-z0-9]+)*/gi),
    ];
    let first = words.length;
    while (first > 0 && !EN_STOP.has(words[first - 1][0].toLowerCase())) first--;
    if (first === words.length) continue;
    spans.push({ start: m.index + words[first].index, end: m.index + m[0].length });
  }
  for (const m of spokenKo ? text.matchAll(KO_AT) : []) {
    const after = text.slice(m.index + m[0].length);
    const domain = KO_DOMAIN_AFTER.exec(after) ?? KO_PROVIDER.exec(after);
    if (!domain) continue;
    const before = text.slice(Math.max(0, m.index - 40), m.index);
    const tokens = [...before.matchAll(/[A-Za-z0-9가-힣._-]+/g)];
    let first = tokens.length;
    while (first > 0 && tokens.length - first < 2 && !KO_STOP.test(tokens[first - 1][0])) first--;
    if (first === tokens.length) continue;
    const start = m.index - before.length + tokens[first].index;
    spans.push({ start, end: m.index + m[0].length + domain[0].length });
  }
  return spans;
}

const KO_REGION = String.raw`(?:서울|부산|대구|인천|광주|대전|울산|세종|경기|강원|충북|충남|전북|전남|경북|경남|제주|충청북|충청남|전라북|전라남|경상북|경상남)(?:특별시|광역시|특별자치시|특별자치도|도|시)?`;
const KO_DISTRICT = String.raw`[가-힣]{1,6}(?:시|군|구)`;
const KO_ROAD = String.raw`[가-힣0-9]{1,12}(?:로|길)\s?\d{1,4}(?:-\d{1,4})?(?:번길\s?\d{1,4}(?:-\d{1,4})?)?`;
const KO_LOT = String.raw`[가-힣][가-힣0-9]{0,7}(?:동|읍|면|리|가)\s?\d{1,5}(?:-\d{1,5})?(?:\s?번지)?`;
const KO_UNIT = String.raw`(?:[가-힣A-Za-z0-9]{1,12}(?:아파트|빌라|맨션|오피스텔|타워))?\s?(?:\d{1,4}동\s?)?\d{1,5}호|\d{1,3}층`;
const NOT_QUANTITY = String.raw`(?![0-9]|\s?(?:개월|개|원|만|천|시|분|초|년|월|일|명|번째|회|GB|기가|%|살|세|선))`;
/** Road or lot with its number, then any units; the region and district before it for `full`. */
const KO_ADDRESS = new RegExp(
  String.raw`((?:${KO_REGION}\s?)?(?:${KO_DISTRICT}\s?){0,2}(?:${KO_DISTRICT.replace('시|군|구', '동|읍|면')}\s?)?)((?:${KO_ROAD}|${KO_LOT})${NOT_QUANTITY}(?:,?\s?(?:${KO_UNIT}))*|(?:[가-힣A-Za-z0-9]{1,12}(?:아파트|빌라|맨션|오피스텔|타워)\s?)?\d{1,4}동\s?\d{1,5}호)`,
  'g',
);
/**
 * A word ending in a particle or adverb that ends like a road ("번호로 010…", "말씀하신 대로 3…"),
 * not a road. "대로" counts only as a word of its own: 강남대로, 달구벌대로 are roads.
 */
const KO_PARTICLE_ROAD =
  /^(?:[가-힣0-9]*(?:으로|카드로|문자로|메일로|전화로|번호로|쪽으로|앞으로|뒤로|새로|바로|별로|서로|따로|주로|실로)|대로)\s?\d/;
const KO_ADDRESS_WORDS = /주소|배송지|사시는|거주|자택|댁/;

const EN_STREET = new RegExp(
  String.raw`\b(?:(?:flat|apt|apartment|unit|suite)\.?\s*[A-Za-z]?\d{1,5}[A-Za-z]?,?\s+)?\d{1,6}\s+(?:[A-Za-z]+\s+){1,3}?(?:street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct|way|place|pl|terrace|parkway|pkwy|circle|cir|highway|hwy)\b\.?(?:,?\s*(?:apt|apartment|unit|suite|ste|#)\.?\s*[A-Za-z0-9-]+)?((?:,\s*[A-Za-z .]{2,30}){1,2},?\s*[A-Za-z]{2}\s*\d{5}(?:-\d{4})?)?`,
  'gi',
);

export function findAddresses(text: string, level: AddressLevel): TextSpan[] {
  // An address has a road, lot or unit number: without one, nothing to look for.
  if (level === 'off' || !/\d/.test(text)) return [];
  const spans: TextSpan[] = [];
  const korean = /(?:로|길|동|읍|면|리|가)\s?\d|\d\s?호/.test(text);
  for (const m of korean ? text.matchAll(KO_ADDRESS) : []) {
    let lead = m[1] ?? '';
    let core = m[2];
    // The road's name is one word: a district read off its start ("달구벌대로": "달구" + "벌대로")
    // gives it back.
    if (lead !== '' && !/\s$/.test(lead)) {
      const cut = lead.search(/\S+$/);
      core = lead.slice(cut) + core;
      lead = lead.slice(0, cut);
    }
    const coreStart = m.index + lead.length;
    if (KO_PARTICLE_ROAD.test(core)) continue;
    // A road or lot number alone is an address only with a district before it, a unit after it
    // or the address asked for just before.
    const parts = /\s?\d+호|\d+층/.test(core) || lead.trim() !== '';
    const asked = KO_ADDRESS_WORDS.test(text.slice(Math.max(0, m.index - 80), m.index));
    if (!parts && !asked) continue;
    const start =
      level === 'full' && lead.trim() !== ''
        ? m.index + (lead.length - lead.trimStart().length)
        : coreStart;
    spans.push({ start, end: coreStart + core.length });
  }
  for (const m of text.matchAll(EN_STREET)) {
    const end =
      level === 'full' || !m[1] ? m.index + m[0].length : m.index + m[0].length - m[1].length;
    spans.push({ start: m.index, end });
  }
  return spans;
}
