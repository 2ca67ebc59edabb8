/**
 * Abusive callers (고객응대근로자 보호, 산업안전보건법 제41조): profanity, insults, threats and
 * sexual harassment from the customer toward the agent, in Korean and English, with the spellings
 * speech-to-text and chat write (spaced syllables "씨 발", "씨이 발", initials "ㅅㅂ", "f***ing",
 * "eff"). A threat or harassment flags the call at once; swearing or insults flag it when
 * repeated (two turns, or twice in one turn). Measured on labelled turns by
 * `npm run abuse:accuracy` (test/fixtures/abuse/).
 * Pure: turns in, flag and evidence turns out.
 */
import { EN, EN_ABOUT_ONESELF, joinSpelledLetters, reportedSpeech } from './abuse-words-en';

export const ABUSE_CATEGORIES = ['threat', 'sexual', 'profanity', 'insult'] as const;
export type AbuseCategory = (typeof ABUSE_CATEGORIES)[number];

export interface AbuseEvidence {
  /** Index of the customer's turn. */
  turn: number;
  category: AbuseCategory;
}

export interface AbuseResult {
  flagged: boolean;
  categories: AbuseCategory[];
  evidence: AbuseEvidence[];
}

/**
 * Korean patterns run on the turn's words joined without spaces, so "씨 발" and "개 새 끼" match.
 * Swear words (profanity) may only run across spaces when they start a word and the words before
 * the last are single syllables, as speech-to-text spaces them: "개 새 끼" and "니 애미" match,
 * "질병 신고" and "어머니 미납" do not.
 */
const KO: Record<AbuseCategory, RegExp> = {
  threat:
    /죽여버|죽여줄|죽인다|죽일거|죽일까|가만안둬|가만안둔|가만두지않|너찾아간|당신찾아간|집까지찾아|찾아가서죽|칼들고|불질러|불지를|테러할|두고보자|목소리기억|집주소알아|어디사는지알|얼굴기억|회사앞에서기다|밤길조심|몸조심해라|퇴근길(?:에|조심)|좋을거없을|좋을게없을|무사하지못|무사할줄|각오(?:해(?!서|야)|하라|해라|하세요|하고있어|들해)|폭파(?:시|하|해)|폭탄(?:설치|들고|터뜨)|죽고싶(?:어서환장|냐|니|으면)|밖에서보자|얼굴알아내/g,
  sexual:
    /목소리가?섹시|섹시(?:하|해|한)|몸매좋|가슴크|가슴사이즈|야한얘기|같이자자|나랑자|만나줄래|사귈래|애인있어|남자친구있어|여자친구있어|뭐입고있|야한(?:사진|영상|동영상|거|말)|나랑놀자|나랑놀래|오늘밤(?:에)?뭐(?:해|하)|신음(?:소리)?(?:내|한번|좀)|치마입고|(?:다리|몸매|가슴|엉덩이|허벅지)(?:가|도)?(?:예쁘|이쁘|섹시)/g,
  profanity:
    /씨발(?![라랐려린아])|(?<![한두세네섯곱덟홉열\d])(?:시발(?!점|역|택시)|시팔|시바(?!견|가|를|랑|는|한테|도|의|이누)|시벌(?![금점칙레써받을]|이[가는를도]))|씨부[랄럴]|쓰[바발벌빨](?![다닥])|씌[발바빨팔]|씨바|씨빨|씨팔|씨벌|ㅅㅂ|ㅆㅂ|병신|븅신|빙신|병딱|븅딱|ㅂㅅ|개새[끼기퀴키]|개세[끼키]|개색[기히]|개쉐[이키]|개쌔끼|개섀[끼기키]|ㄱㅅㄲ|십새|씹(?![어었히혀])|좆|존나|졸라(?![서도요대댔고])|지랄|염병|썅|엿먹|니미|느금|니애미|애미|애비(?!뉴)|미친년|미친놈|미친새|꺼져라|닥쳐(?![서오온올와왔])|개같은|개소리|또라이|돌아이|쌍놈|쌍년/g,
  insult:
    /멍청이|멍청한|머저리|돌대가리|무식한|쓰레기같은|너따위|니가뭔데|상담원주제|직원주제|상담사주제|(?:니|너|네가|당신|알바)주제에|월급루팡|밥값도못|말귀를못|말귀못|귀먹었|바보야|바보같은|한심(?:한|하다|하네|해)|머리가?없|머리(?:는|가)?(?:있는거야|있냐|있긴해|장식)|머리에든게없|상담할자격|일할자격|등신(?!대)|찐따|뇌(?:를|는|가)?(?:집에두고|어디|없|장식|빼고)|배운게없|못배운|전화나받/g,
};

const SEVERE: readonly AbuseCategory[] = ['threat', 'sexual'];

/**
 * Korean reported speech right after the word ("…이라고 써서", "…다는 협박", "…하는 것처럼"):
 * quoted, not said.
 */
const KO_QUOTED = /^(?:이)?라(?:고|는)|^[가-힣]{0,2}다는|^하는(?:것|거)처럼|^하듯/;
/** A verb's quoting ending right after it ("죽인다고 협박해서"). */
const KO_QUOTED_VERB = /다$/;
/**
 * An insult the caller says of themself, in the polite first person ("제가 바보라서", "나이 먹으니까
 * … 한심하네요"): abusers speak 반말 and do not say 제가/저는.
 */
const KO_ABOUT_ONESELF = /제가|저는|저도|제자신|내자신|나이먹으니/;

interface Words {
  /** The words joined without spaces. */
  text: string;
  /** For each character of `text`, the index of its word. */
  word: number[];
  starts: number[];
  lengths: number[];
}

function words(text: string): Words {
  const list = text
    .normalize('NFC')
    // An elongated syllable before a swear syllable, as speech-to-text writes it ("씨이 발").
    .replace(/([씨시])이+(?=\s*[발빨바팔])/g, '$1')
    .split(/[\s.,!?~·'"“”‘’()-]+/)
    .filter(Boolean);
  const out: Words = { text: list.join(''), word: [], starts: [], lengths: [] };
  list.forEach((w, i) => {
    out.starts.push(out.word.length);
    out.lengths.push(w.length);
    for (let k = 0; k < w.length; k++) out.word.push(i);
  });
  return out;
}

/** A swear word across spaces counts only when spaced out syllable by syllable. */
function spacedLikeSpeech(w: Words, start: number, end: number): boolean {
  const first = w.word[start];
  const last = w.word[end - 1];
  if (first === last) return true;
  if (w.starts[first] !== start) return false;
  for (let i = first; i < last; i++) if (w.lengths[i] !== 1) return false;
  return true;
}

function koreanHits(text: string, category: AbuseCategory): number {
  const w = words(text);
  let count = 0;
  for (const m of w.text.matchAll(KO[category])) {
    const start = m.index;
    const end = start + m[0].length;
    if (category === 'profanity' && !spacedLikeSpeech(w, start, end)) continue;
    // The same word said again before the quote ("꺼져라 꺼져라 하는 것처럼") is quoted too.
    let rest = w.text.slice(end);
    while (rest.startsWith(m[0])) rest = rest.slice(m[0].length);
    if (KO_QUOTED.test(rest)) continue;
    if (KO_QUOTED_VERB.test(m[0]) && rest.startsWith('고')) continue;
    if (category === 'insult' && KO_ABOUT_ONESELF.test(w.text.slice(0, start))) continue;
    count++;
  }
  return count;
}

function englishHits(raw: string, category: AbuseCategory): number {
  const text = joinSpelledLetters(raw.normalize('NFKC').replace(/[’‘`]/g, "'"));
  let count = 0;
  for (const m of text.matchAll(EN[category])) {
    const before = text.slice(0, m.index);
    if (reportedSpeech(before)) continue;
    if (category === 'insult' && EN_ABOUT_ONESELF.test(before)) continue;
    count++;
  }
  return count;
}

function hits(text: string): AbuseCategory[] {
  const found: AbuseCategory[] = [];
  for (const category of ABUSE_CATEGORIES) {
    // A Korean call may carry English swearing and the other way round: both lists run.
    const count = koreanHits(text, category) + englishHits(text, category);
    for (let i = 0; i < count; i++) found.push(category);
  }
  return found;
}

export function detectAbuse(
  turns: readonly { speaker: string; text: string }[],
  // Both languages' lists run on every turn; the call's language is kept for callers.
  _language: string,
): AbuseResult {
  const evidence: AbuseEvidence[] = [];
  let severe = false;
  let repeated = false;
  let abusiveTurns = 0;
  turns.forEach((turn, i) => {
    if (turn.speaker !== 'customer') return;
    const found = hits(turn.text);
    if (found.length === 0) return;
    abusiveTurns++;
    if (found.length >= 2) repeated = true;
    if (found.some((c) => SEVERE.includes(c))) severe = true;
    for (const category of new Set(found)) evidence.push({ turn: i, category });
  });
  const flagged = severe || repeated || abusiveTurns >= 2;
  const categories = ABUSE_CATEGORIES.filter((c) => evidence.some((e) => e.category === c));
  return { flagged, categories, evidence };
}
