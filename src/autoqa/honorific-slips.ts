/**
 * Honorific slips (높임법 오류) in the agent's Korean, with the corrected form (issue 16):
 *
 * - **Object honorifics (사물 존대)**: the honorific -시- on a predicate whose subject is a thing —
 *   "요금제가 있으십니다" → "요금제가 있습니다", "주문하신 상품 나오셨습니다" → "주문하신 상품
 *   나왔습니다", "결제가 되셨습니다" → "결제가 됐습니다", "만 원이세요" → "만 원이에요". The
 *   customer as subject ("고객님께서 가입하셨습니다") or indirect honorifics of what belongs to
 *   them ("말씀이 맞으십니다") are not slips: only things sold, paid, delivered or processed count.
 * - **Mixed speech levels (존댓말·반말 혼용)**: an agent who speaks politely in the call and ends a
 *   sentence in 반말 ("잠깐만", "확인해 볼게", "그건 안 돼") → "잠깐만요", "확인해 볼게요", "그건 안 돼요".
 *
 * Speech-to-text spaces words wrongly ("나오 셨습니다", "주문하신상품"); matching runs on the
 * words joined without spaces and maps back to the turn's text. Pure: turns in, slips out.
 */

export type HonorificSlipKind = 'object_honorific' | 'mixed_speech_level';

export interface HonorificSlip {
  /** Index of the agent's turn. */
  turn: number;
  kind: HonorificSlipKind;
  /** Where the words stand in the turn's text (UTF-16 offsets, end exclusive). */
  start: number;
  end: number;
  /** The words as said. */
  found: string;
  /** The same words corrected. */
  corrected: string;
}

/** Things an agent talks about: never the subject of an honorific predicate. */
const THINGS =
  '요금제|요금|상품|제품|주문|결제|배송|택배|가격|금액|할인|혜택|포인트|쿠폰|재고|커피|음료|메뉴|환불|영수증|기기|단말기|모델|옵션|이벤트|사은품|적립금|잔액|위약금|약정|설치|접수|신청|해지|처리|출고|발송|사이즈|색상|물건|부품|서비스|상담|데이터|용량|청구서|요금제변경|카드|번호|주소';

/**
 * Honorific predicates and their plain forms, longest first. Each is matched on words joined
 * without spaces, so "나오 셨습니다" is read as "나오셨습니다".
 */
const PREDICATES: [said: string, plain: string][] = [
  ['있으십니다', '있습니다'],
  ['있으세요', '있어요'],
  ['있으시고', '있고'],
  ['있으셔서', '있어서'],
  ['있으셨습니다', '있었습니다'],
  ['있으셨어요', '있었어요'],
  ['없으십니다', '없습니다'],
  ['없으세요', '없어요'],
  ['없으셨습니다', '없었습니다'],
  ['없으셨어요', '없었어요'],
  ['나오셨습니다', '나왔습니다'],
  ['나오셨어요', '나왔어요'],
  ['나오십니다', '나옵니다'],
  ['나오세요', '나와요'],
  ['들어오셨습니다', '들어왔습니다'],
  ['들어오셨어요', '들어왔어요'],
  ['도착하셨습니다', '도착했습니다'],
  ['도착하셨어요', '도착했어요'],
  ['오셨습니다', '왔습니다'],
  ['오셨어요', '왔어요'],
  ['나가셨습니다', '나갔습니다'],
  ['나가셨어요', '나갔어요'],
  ['되셨습니다', '됐습니다'],
  ['되셨어요', '됐어요'],
  ['되십니다', '됩니다'],
  ['되세요', '돼요'],
  ['가능하십니다', '가능합니다'],
  ['가능하세요', '가능해요'],
  ['비싸십니다', '비쌉니다'],
  ['비싸세요', '비싸요'],
  ['저렴하십니다', '저렴합니다'],
  ['저렴하세요', '저렴해요'],
  ['많으십니다', '많습니다'],
  ['많으세요', '많아요'],
  ['이십니다', '입니다'],
  ['이세요', '이에요'],
];

const COPULA = new Set(['이십니다', '이세요']);
const PLAIN = new Map(PREDICATES);
const VERBS = PREDICATES.map(([said]) => said)
  .filter((p) => !COPULA.has(p))
  .join('|');

/** What may stand between a thing and its predicate in speech: an adverb, or nothing. */
const ADVERB = '(?:다|전부|모두|지금|이미|벌써|곧|잘|정상적으로|방금|오늘|내일|바로)?';

/**
 * Object honorifics, on the words joined without spaces: a thing (its particle may be left out,
 * as in speech) and an honorific verb; a thing and an honorific copula a few syllables on
 * ("요금제는 5G 프리미엄이세요"); an amount in won and an honorific copula ("만 원이세요").
 */
const OBJECT_HONORIFICS = [
  new RegExp(String.raw`(?:${THINGS})(?:이|가|은|는|도)?${ADVERB}(${VERBS})`, 'g'),
  new RegExp(String.raw`(?:${THINGS})(?:은|는|이|가)[가-힣A-Za-z0-9]{1,12}?(이세요|이십니다)`, 'g'),
  /[0-9일이삼사오육칠팔구십백천만]+원(이세요|이십니다)/g,
];

/** A sentence's last word in 반말, and its polite form (checked in this order). */
const BANMAL_ENDINGS: [RegExp, (m: RegExpExecArray) => string][] = [
  [/(잠깐|잠시)만$/, (m) => `${m[1]}만요`],
  [/아니야$/, () => '아니에요'],
  [/거야$/, () => '거예요'],
  [/줘$/, () => '주세요'],
  [/봐$/, () => '보세요'],
  [/([가-힣])냐$/, (m) => `${m[1]}나요`],
  [/([했됐있없겠])지$/, (m) => `${m[1]}죠`],
  [/(?:할|볼|줄|갈|드릴)게$/, (m) => `${m[0]}요`],
  [/(?:했|됐|있|없|알았|몰랐|겠)어$/, (m) => `${m[0]}요`],
  [/(?:몰라|그래|맞아|잖아|할래|돼|해)$/, (m) => `${m[0]}요`],
];

/** Words that end like 반말 but are nouns or fillers ("이해", "올해", "아", "어"). */
const NOT_BANMAL = /(?:이해|손해|피해|올해|지난해|새해|매해|방해|해해)$/;

/** A polite sentence ending somewhere in the agent's speech: the call is in 존댓말. */
const POLITE = /(?:요|니다|니까|세요|시죠|죠)(?:[.?!]|$)/;

interface Joined {
  text: string;
  /** For each character of `text`, its offset in the turn. */
  at: number[];
}

function joinWords(text: string, from: number, to: number): Joined {
  const out: Joined = { text: '', at: [] };
  for (let i = from; i < to; i++) {
    if (/\s/.test(text[i])) continue;
    out.text += text[i];
    out.at.push(i);
  }
  return out;
}

/** The turn's sentences: split at . ? ! and at a comma (a clause of its own in speech). */
function sentences(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || /[.?!,~\n]/.test(text[i])) {
      if (text.slice(start, i).trim()) out.push({ start, end: i });
      start = i + 1;
    }
  }
  return out;
}

function objectHonorifics(text: string, turn: number): HonorificSlip[] {
  const slips: HonorificSlip[] = [];
  for (const s of sentences(text)) {
    const joined = joinWords(text, s.start, s.end);
    const taken = new Set<number>();
    for (const pattern of OBJECT_HONORIFICS) {
      for (const m of joined.text.matchAll(pattern)) {
        const predicate = m[1];
        const matchEnd = m.index + m[0].length;
        const predicateAt = joined.at[matchEnd - predicate.length];
        // One slip per predicate (a thing and an amount may both lead to "원이세요").
        if (taken.has(predicateAt)) continue;
        taken.add(predicateAt);
        const start = joined.at[m.index];
        const end = joined.at[matchEnd - 1] + 1;
        slips.push({
          turn,
          kind: 'object_honorific',
          start,
          end,
          found: text.slice(start, end),
          corrected: `${text.slice(start, predicateAt)}${PLAIN.get(predicate) ?? predicate}`,
        });
      }
    }
  }
  return slips;
}

function mixedSpeechLevel(text: string, turn: number): HonorificSlip[] {
  const slips: HonorificSlip[] = [];
  for (const s of sentences(text)) {
    const sentence = text.slice(s.start, s.end).trimEnd();
    const words = sentence.trim().split(/\s+/);
    if (words.length === 0) continue;
    // A last syllable left on its own by speech-to-text ("확인 해", "안 돼") joins its word.
    let last = words[words.length - 1];
    let lastStart = s.start + sentence.lastIndexOf(last);
    if (last.length === 1 && words.length >= 2 && /^[해돼줘봐]$/.test(last)) {
      const previous = words[words.length - 2];
      lastStart = s.start + sentence.lastIndexOf(previous, lastStart - s.start - 1);
      last = `${previous}${last}`;
    }
    if (last.length < 2 || NOT_BANMAL.test(last) || /요$/.test(last)) continue;
    for (const [pattern, polite] of BANMAL_ENDINGS) {
      const m = pattern.exec(last);
      if (!m) continue;
      const end = s.start + sentence.length;
      const found = text.slice(lastStart, end);
      slips.push({
        turn,
        kind: 'mixed_speech_level',
        start: lastStart,
        end,
        found,
        corrected: replaceEnding(found, m[0], polite(m)),
      });
      break;
    }
  }
  return slips;
}

/** `found` with its last `ending` characters (spaces aside) replaced by `polite`. */
function replaceEnding(found: string, ending: string, polite: string): string {
  let left = ending.length;
  let i = found.length;
  while (i > 0 && left > 0) {
    i--;
    if (!/\s/.test(found[i])) left--;
  }
  return `${found.slice(0, i)}${polite}`;
}

/**
 * The agent's honorific slips in a Korean call. Mixed speech levels count only when the agent
 * also speaks politely in the call (a call all in 반말 is another matter).
 */
export function findHonorificSlips(
  turns: readonly { speaker: string; text: string }[],
): HonorificSlip[] {
  const agent = turns
    .map((t, i) => ({ ...t, i }))
    .filter((t) => t.speaker === 'agent' && t.text.trim() !== '');
  const polite = agent.some((t) => POLITE.test(t.text));
  const slips: HonorificSlip[] = [];
  for (const t of agent) {
    slips.push(...objectHonorifics(t.text, t.i));
    if (polite) slips.push(...mixedSpeechLevel(t.text, t.i));
  }
  return slips;
}
