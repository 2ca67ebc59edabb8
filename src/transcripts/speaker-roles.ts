import { Speaker, reasonKey, TranscriptParseError, TranscriptTurn } from './transcript';

/** What the user can say about speakers the format only numbers: {"spk_0": "agent"}. */
export type SpeakerMap = Record<string, Speaker>;

export interface ParserOptions {
  speakerMap?: SpeakerMap;
}

/** The heuristic's answer, stored as `meta.metadata.speakerGuess` for the user to confirm. */
export interface SpeakerGuess {
  agent: string;
  confidence: 'high' | 'low';
  reason: string;
}

/**
 * A turn before its speaker is settled: `role` when the format says who is talking (Contact
 * Lens ParticipantRole, a "상담사:" prefix), else only `key`, the format's own label (spk_0, A,
 * speaker_1), resolved through the speaker map or the heuristic.
 */
export interface KeyedTurn {
  key: string;
  role?: Speaker;
  startMs: number;
  endMs: number;
  text: string;
}

const SPEAKERS: ReadonlySet<string> = new Set<Speaker>(['agent', 'customer', 'system']);

/** How many of a speaker's first turns the heuristic reads. */
const FIRST_TURNS = 3;

interface Cue {
  label: string;
  pattern: RegExp;
  points: number;
}

/**
 * What agents say when they pick up, and customers rarely do. Strong cues (2 points) are
 * greetings and self-introductions as a centre; weak cues (1 point) are also said by customers
 * now and then ("감사합니다", "my name is").
 */
const CUES: readonly Cue[] = [
  strong('고객센터/상담사 … 입니다', /(?:고객\s*센터|상담\s*(?:사|원))\s*\S{0,12}\s*입니다/),
  strong('무엇을 도와드릴까요', /(?:무엇을|뭘|뭐를|어떤\s*걸|어떻게)\s*도와\s*드릴/),
  strong('전화 주셔서 감사합니다', /(?:전화|연락)\s*(?:주셔서|해\s*주셔서)\s*감사/),
  strong('사랑합니다 고객님', /사랑합니다\s*고객님/),
  strong(
    'thank you for calling',
    /\bthanks? (?:you )?for (?:calling|contacting|choosing|reaching out|chatting)/,
  ),
  strong('how can I help', /\bhow (?:can|may) (?:i|we) (?:help|assist)/),
  strong('what can I do for you', /\bwhat can i (?:do|help)/),
  strong('welcome to', /\bwelcome to\b/),
  strong("you've reached", /\byou(?:'ve| have) reached\b/),
  strong('this is … speaking', /\bthis is [\p{L}'-]+(?: [\p{L}'-]+)? speaking\b/u),
  weak('고객센터', /고객\s*센터/),
  weak('상담사', /상담\s*(?:사|원)/),
  weak('감사합니다', /감사합니다/),
  weak('입니다', /입니다/),
  weak('고객님', /고객님/),
  weak('my name is', /\bmy name is\b/),
  weak('speaking', /\bspeaking\b/),
];

function strong(label: string, pattern: RegExp): Cue {
  return { label, pattern, points: 2 };
}

function weak(label: string, pattern: RegExp): Cue {
  return { label, pattern, points: 1 };
}

/**
 * Which speaker is the agent, from what each says first: the speaker whose first turns greet as
 * a contact centre (company name, own name, "how can I help") wins. Input: each speaker's turn
 * texts in order, speakers in order of first appearance (a Map, or an object whose keys are not
 * integers, keeps that order); ties go to the speaker who talked first. `high` confidence needs a
 * strong cue and a lead of 2 points over every other speaker.
 */
export function guessAgentSpeaker(
  turnsBySpeaker:
    ReadonlyMap<string, readonly string[]> | Readonly<Record<string, readonly string[]>>,
): SpeakerGuess {
  const entries: Array<readonly [string, readonly string[]]> =
    turnsBySpeaker instanceof Map ? [...turnsBySpeaker.entries()] : Object.entries(turnsBySpeaker);
  if (entries.length === 0) throw new RangeError('guessAgentSpeaker needs at least one speaker');
  const scored = entries.map(([speaker, texts]) => ({ speaker, ...scoreTurns(texts) }));
  if (scored.length === 1) {
    return {
      agent: scored[0].speaker,
      confidence: 'low',
      reason: `only one speaker (${scored[0].speaker}) in the file`,
    };
  }
  // Stable: the first speaker wins ties.
  const ranked = [...scored].sort((a, b) => b.score - a.score);
  const [best, second] = ranked;
  if (best.score === 0) {
    return {
      agent: best.speaker,
      confidence: 'low',
      reason: `no agent greeting found in the first turns: assumed the first speaker (${best.speaker})`,
    };
  }
  const high = best.score >= 2 && best.score - second.score >= 2;
  const others = ranked.slice(1).map((s) => s.speaker);
  const tie = best.score === second.score ? ', tied: took the first speaker' : '';
  return {
    agent: best.speaker,
    confidence: high ? 'high' : 'low',
    reason:
      `${best.speaker} greets like an agent in its first turns (${best.labels.join(', ')})` +
      `; ${others.join(', ')} ${second.score === 0 ? 'does not' : 'less so'}${tie}`,
  };
}

function scoreTurns(texts: readonly string[]): { score: number; labels: string[] } {
  const labels: string[] = [];
  let score = 0;
  for (const text of texts.slice(0, FIRST_TURNS)) {
    const lower = text.toLowerCase();
    for (const cue of CUES) {
      if (!cue.pattern.test(lower)) continue;
      score += cue.points;
      if (!labels.includes(cue.label)) labels.push(cue.label);
    }
  }
  return { score, labels };
}

/** The speaker map's entry for a key: exact first, then ignoring case. */
export function lookupSpeaker(
  file: string,
  speakerMap: SpeakerMap | undefined,
  key: string,
): Speaker | undefined {
  if (!speakerMap) return undefined;
  const found = Object.hasOwn(speakerMap, key)
    ? key
    : Object.keys(speakerMap).find((k) => k.trim().toLowerCase() === key.trim().toLowerCase());
  if (found === undefined) return undefined;
  const speaker: unknown = speakerMap[found];
  if (typeof speaker !== 'string' || !SPEAKERS.has(speaker)) {
    throw new TranscriptParseError(
      file,
      `speaker mapping for ${JSON.stringify(found)} must be agent, customer or system, ` +
        `got ${JSON.stringify(speaker)}`,
      undefined,
      undefined,
      reasonKey('badSpeakerMapping', {
        name: JSON.stringify(found),
        value: JSON.stringify(speaker),
      }),
    );
  }
  return speaker as Speaker;
}

/**
 * Settles every turn's speaker: the format's role, else the speaker map, else the heuristic
 * (one agent, everyone else a customer). When an agent is already known (from the format or the
 * map), the remaining speakers are customers; when only a customer is known and one speaker is
 * left, that one is the agent. The heuristic's answer is returned for `meta.metadata`.
 */
export function resolveSpeakers(
  file: string,
  turns: readonly KeyedTurn[],
  speakerMap: SpeakerMap | undefined,
): { turns: TranscriptTurn[]; speakerGuess?: SpeakerGuess } {
  const roles = new Map<string, Speaker>();
  const unresolved = new Map<string, string[]>();
  for (const turn of turns) {
    if (turn.role !== undefined || roles.has(turn.key)) continue;
    const mapped = unresolved.has(turn.key) ? undefined : lookupSpeaker(file, speakerMap, turn.key);
    if (mapped !== undefined) roles.set(turn.key, mapped);
    else unresolved.set(turn.key, [...(unresolved.get(turn.key) ?? []), turn.text]);
  }
  const known = new Set<Speaker>([...roles.values()]);
  for (const turn of turns) if (turn.role !== undefined) known.add(turn.role);

  let speakerGuess: SpeakerGuess | undefined;
  if (unresolved.size > 0) {
    let agent: string | undefined;
    if (known.has('agent')) {
      agent = undefined;
    } else if (known.has('customer') && unresolved.size === 1) {
      agent = [...unresolved.keys()][0];
    } else {
      speakerGuess = guessAgentSpeaker(unresolved);
      agent = speakerGuess.agent;
    }
    for (const key of unresolved.keys()) roles.set(key, key === agent ? 'agent' : 'customer');
  }
  return {
    turns: turns.map((turn) => ({
      speaker: turn.role ?? (roles.get(turn.key) as Speaker),
      startMs: turn.startMs,
      endMs: turn.endMs,
      text: turn.text,
    })),
    speakerGuess,
  };
}

/** `metadata` with the guess added, or undefined when there is nothing to keep. */
export function withSpeakerGuess(
  metadata: Record<string, unknown>,
  speakerGuess: SpeakerGuess | undefined,
): Record<string, unknown> | undefined {
  const all = speakerGuess ? { ...metadata, speakerGuess } : metadata;
  return Object.keys(all).length > 0 ? all : undefined;
}
