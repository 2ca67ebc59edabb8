/**
 * Abusive callers (고객응대근로자 보호, 산업안전보건법 제41조): profanity, insults, threats and
 * sexual harassment from the customer toward the agent, in Korean and English, with the spellings
 * speech-to-text writes (spaced syllables "씨 발", initials "ㅅㅂ"). A threat or harassment flags
 * the call at once; swearing or insults flag it when repeated (two turns, or twice in one turn).
 * Pure: turns in, flag and evidence turns out.
 */
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

/** Korean patterns run on the text without spaces, so "씨 발" and "개 새 끼" match too. */
const KO: Record<AbuseCategory, RegExp> = {
  threat:
    /죽여버|죽여줄|죽인다|죽일거|죽일까|가만안둬|가만안둔|가만두지않|너찾아간|당신찾아간|집까지찾아|찾아가서죽|칼들고|불질러|불지를|테러할|두고보자|목소리기억|집주소알아|어디사는지알|얼굴기억|회사앞에서기다/g,
  sexual:
    /목소리가?섹시|섹시하|몸매좋|가슴크|가슴사이즈|야한얘기|같이자자|나랑자|만나줄래|사귈래|애인있어|남자친구있어|여자친구있어|뭐입고있/g,
  profanity:
    /씨발|시발|씨바|씨팔|시팔|씨벌|ㅅㅂ|ㅆㅂ|병신|븅신|빙신|ㅂㅅ|개새끼|개새기|개세끼|개색기|좆|존나|졸라|지랄|염병|썅|엿먹|니미|느금|니애미|애미|애비|미친년|미친놈|미친새|꺼져라|닥쳐|개같은|개소리|또라이|돌아이|쌍놈|쌍년/g,
  insult:
    /멍청이|멍청한|머저리|돌대가리|무식한|쓰레기같은|너따위|니가뭔데|상담원주제|직원주제|주제에|월급루팡|밥값도못|말귀를못|말귀못|귀먹었|바보야|바보같은|한심한/g,
};

const EN: Record<AbuseCategory, RegExp> = {
  threat:
    /\b(?:i(?:'ll| will| am going to|'m going to|'m gonna| gonna) (?:kill|hurt|find|come (?:down|over) (?:there )?and)|kill you|watch your back|you(?:'ll| will) regret|i know where you (?:live|work)|burn (?:the|your) (?:place|office|building)|shoot (?:you|up))\b/gi,
  sexual:
    /\b(?:sexy|what are you wearing|are you single|go out with me|date me|sleep with me|your body|hot voice|your boobs|your tits)\b/gi,
  profanity:
    /\b(?:fuck\w*|f\*+k\w*|motherfuck\w*|shit\w*|bullshit|bitch\w*|asshole\w*|bastard\w*|cunt\w*|dickhead\w*|piece of shit|screw you|shut up)\b/gi,
  insult:
    /\b(?:idiot\w*|stupid|moron\w*|dumb(?:ass)?|retard\w*|imbecile|useless (?:piece|idiot|moron|agent|person)|incompetent|brain ?dead|you people are (?:useless|idiots|morons))\b/gi,
};

const SEVERE: readonly AbuseCategory[] = ['threat', 'sexual'];

function hits(text: string, english: boolean): AbuseCategory[] {
  const found: AbuseCategory[] = [];
  const ko = text.normalize('NFC').replace(/[\s.,!?~·'"-]+/g, '');
  for (const category of ABUSE_CATEGORIES) {
    // A Korean call may carry English swearing and the other way round: both lists run.
    const count =
      [...(english ? text : ko).matchAll(english ? EN[category] : KO[category])].length +
      [...(english ? ko : text).matchAll(english ? KO[category] : EN[category])].length;
    for (let i = 0; i < count; i++) found.push(category);
  }
  return found;
}

export function detectAbuse(
  turns: readonly { speaker: string; text: string }[],
  language: string,
): AbuseResult {
  const english = !language.toLowerCase().startsWith('ko');
  const evidence: AbuseEvidence[] = [];
  let severe = false;
  let repeated = false;
  let abusiveTurns = 0;
  turns.forEach((turn, i) => {
    if (turn.speaker !== 'customer') return;
    const found = hits(turn.text, english);
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
