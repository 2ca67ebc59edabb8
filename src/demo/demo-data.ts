/**
 * A pure, deterministic demo contact center: two teams, eight agents with stable strengths and
 * weaknesses, and calls whose transcripts follow the Korean call script (greeting → identity check
 * → empathy → hold → solution/options → summary → "anything else?" → closing) or break it where
 * the agent's behaviour says so. No framework, no I/O, no clock, no Math.random: the same options
 * always give the same contact center.
 */
import type { Channel, ParsedTranscript, Speaker, TranscriptTurn } from '../transcripts/transcript';
import { createRng, type Rng } from '../common/random';
import * as P from './demo-phrases';
import type {
  DemoDisposition,
  DemoLanguage,
  MoodPhrases,
  Phrases,
  Scenario,
  ScenarioText,
} from './demo-phrases';

export interface DemoTeam {
  name: string;
  leadName: string;
}

export interface DemoAgent {
  externalId: string;
  name: string;
  team: string;
  language: 'ko' | 'en';
}

/** What the agent did on this call: true = did it well. Used to derive demo evaluations that match the transcript. */
export type DemoBehaviour = Record<string, boolean | null>; // keys = criterion keys, null = not applicable

export interface DemoCall {
  transcript: ParsedTranscript;
  behaviour: DemoBehaviour;
}

export interface DemoContactCenter {
  teams: DemoTeam[];
  agents: DemoAgent[];
  calls: DemoCall[];
}

export interface DemoOptions {
  seed?: number;
  /** Number of calls (default 200). */
  calls?: number;
  /** Exactly this many turns per call (padding or cutting the end); default 15–40. */
  turnsPerCall?: number;
  /** The calls are spread over the 12 weeks (DEMO_WEEKS) before this ISO date-time. */
  now?: string;
}

/** The criterion keys of the default voice scorecards that every call's behaviour fills. */
export const DEMO_CRITERION_KEYS = [
  'greeting',
  'identity_verification',
  'empathy',
  'hold_etiquette',
  'summary',
  'anything_else',
  'closing',
  'no_interruptions',
  'no_dead_air',
  'no_over_apology',
  'no_escape',
  'thanks_for_feedback',
  'options_offered',
  'positive_language',
  'no_rude_language',
  'deescalation',
  'notes_quality',
  'root_cause',
  'correct_resolution',
  'first_contact_resolution',
] as const;
export type DemoCriterionKey = (typeof DEMO_CRITERION_KEYS)[number];
type Flags = Record<DemoCriterionKey, boolean | null>;

export interface DemoAgentProfile extends DemoAgent {
  /** Probability of doing each behaviour well; keys not listed use the centre's baseline. */
  skills: Partial<Record<DemoCriterionKey, number>>;
  /** What a team lead would say about this agent. */
  pattern: string;
}

// ---- The contact center ----

export const DEMO_TEAMS: readonly DemoTeam[] = [
  { name: '상담 1팀', leadName: '강은지' },
  { name: '상담 2팀', leadName: '오성민' },
];

/** How often an average agent does each behaviour well. */
const BASELINE: Readonly<Record<DemoCriterionKey, number>> = {
  greeting: 0.93,
  identity_verification: 0.9,
  empathy: 0.8,
  hold_etiquette: 0.85,
  summary: 0.75,
  anything_else: 0.85,
  closing: 0.92,
  no_interruptions: 0.88,
  no_dead_air: 0.88,
  no_over_apology: 0.9,
  no_escape: 0.92,
  thanks_for_feedback: 0.7,
  options_offered: 0.75,
  positive_language: 0.85,
  no_rude_language: 0.96,
  deescalation: 0.75,
  notes_quality: 0.8,
  root_cause: 0.8,
  correct_resolution: 0.9,
  first_contact_resolution: 0.85,
};

const everything = (p: number): Record<DemoCriterionKey, number> =>
  Object.fromEntries(DEMO_CRITERION_KEYS.map((k) => [k, p])) as Record<DemoCriterionKey, number>;

const [TEAM_1, TEAM_2] = DEMO_TEAMS.map((t) => t.name);

/** How many weeks of calls the demo holds. */
export const DEMO_WEEKS = 12;

/**
 * A weakness the whole team shares (the skill is at most this for every agent of the team, the
 * best one included): the heat map shows a pale column and coaching plans a team focus.
 */
export const DEMO_TEAM_WEAKNESS: Readonly<
  Record<string, Partial<Record<DemoCriterionKey, number>>>
> = {
  [TEAM_1]: { anything_else: 0.55 },
  [TEAM_2]: { empathy: 0.55 },
};

/** How likely this agent is to do the behaviour well: own skill, capped by the team's weakness. */
export function demoSkill(profile: DemoAgentProfile, key: DemoCriterionKey): number {
  const own = profile.skills[key] ?? BASELINE[key];
  return Math.min(own, DEMO_TEAM_WEAKNESS[profile.team]?.[key] ?? 1);
}

export const DEMO_AGENT_PROFILES: readonly DemoAgentProfile[] = [
  {
    externalId: 'A-001',
    name: '김민준',
    team: TEAM_1,
    language: 'ko',
    skills: { summary: 0.45, anything_else: 0.7 },
    pattern: 'Solid all-rounder; often ends without summarising the key points.',
  },
  {
    externalId: 'A-002',
    name: '이서연',
    team: TEAM_1,
    language: 'ko',
    skills: everything(0.97),
    pattern:
      'Best on the team, the peer example for coaching; shares only the team-wide weakness (asking "anything else?").',
  },
  {
    externalId: 'A-003',
    name: '박지훈',
    team: TEAM_1,
    language: 'ko',
    skills: { identity_verification: 0.25, hold_etiquette: 0.55 },
    pattern:
      'Often skips identity verification; sometimes goes silent without a hold announcement.',
  },
  {
    externalId: 'A-004',
    name: 'Emily Carter',
    team: TEAM_1,
    language: 'en',
    skills: { empathy: 0.4, deescalation: 0.3, thanks_for_feedback: 0.3, positive_language: 0.55 },
    pattern: 'Efficient but cold: little empathy, angry customers stay angry, negative wording.',
  },
  {
    externalId: 'A-005',
    name: '최유나',
    team: TEAM_2,
    language: 'ko',
    skills: { no_interruptions: 0.3, no_over_apology: 0.25 },
    pattern: 'Interrupts customers and over-apologises.',
  },
  {
    externalId: 'A-006',
    name: '정도윤',
    team: TEAM_2,
    language: 'ko',
    skills: { hold_etiquette: 0.35, no_dead_air: 0.4, anything_else: 0.5 },
    pattern: 'Long unannounced silences (dead air, holds without announcement).',
  },
  {
    externalId: 'A-007',
    name: '한지우',
    team: TEAM_2,
    language: 'ko',
    skills: { notes_quality: 0.15, summary: 0.5 },
    pattern: 'Friendly on the phone, but writes vague or judgemental after-call notes.',
  },
  {
    externalId: 'A-008',
    name: 'James Wilson',
    team: TEAM_2,
    language: 'en',
    skills: {
      no_escape: 0.55,
      options_offered: 0.35,
      root_cause: 0.45,
      no_rude_language: 0.8,
      first_contact_resolution: 0.6,
    },
    pattern:
      'Escapes hard calls with needless transfers, rarely offers options or finds the cause.',
  },
];

/**
 * The demo's script A/B test: over its last 4 weeks the calls alternate (by call number) between
 * the current closing script (A) and a new one (B) that ends with a summary and "anything else?";
 * the source records which in metadata.script. Customers rate B calls one point higher (capped
 * at 5): a real CSAT difference. Nothing else about the calls changes, so FCR and AHT show none.
 */
export const DEMO_EXPERIMENT = {
  name: '마무리 스크립트 A/B (closing script)',
  description:
    'B: 요약 + "더 궁금하신 점은 없으신가요?"로 마무리 / B closes with a summary and "anything else?"',
  field: 'script',
  weeks: 4,
  variants: [
    { key: 'A', label: '현재 스크립트 (current)', value: 'A' },
    { key: 'B', label: '새 스크립트 (new)', value: 'B' },
  ],
} as const;

// ---- Randomness and small helpers ----

/** Each call has its own stream, so options such as turnsPerCall never change another call. */
function callSeed(seed: number, index: number): number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35);
  h ^= h >>> 16;
  return Math.imul(h, 0x27d4eb2d) >>> 0;
}

function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)];
}

/** An integer in [min, max]. */
function between(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

function fill(template: string, vars: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) => vars[key] ?? match);
}

function join(...parts: string[]): string {
  return parts.filter((p) => p !== '').join(' ');
}

/** "but " + "There are…" → "but there are…" (English only). */
function prefixed(prefix: string, text: string, lang: DemoLanguage): string {
  if (lang === 'en' && prefix.endsWith(', ') && /^[A-Z][a-z]/.test(text)) {
    return prefix + text[0].toLowerCase() + text.slice(1);
  }
  return prefix + text;
}

/** Whether the last Hangul syllable has a final consonant (이었습니다 vs 였습니다). */
function hasBatchim(word: string): boolean {
  const code = word.charCodeAt(word.length - 1) - 0xac00;
  return code >= 0 && code < 11172 && code % 28 !== 0;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

// ---- Time ----

const SECOND = 1000;
const DAY = 86_400_000;
const SEOUL_OFFSET = 9 * 3_600_000;

/** Start times (epoch ms) on weekdays, 09:00–17:30 Seoul time, in the DEMO_WEEKS before `now`. */
function scheduleStarts(count: number, now: string, rng: Rng): number[] {
  const nowMs = Date.parse(now);
  if (Number.isNaN(nowMs)) throw new RangeError(`now is not an ISO date-time: ${now}`);
  const today = Math.floor((nowMs + SEOUL_OFFSET) / DAY) * DAY; // Seoul midnight, shifted epoch
  const weekdays: number[] = [];
  for (let d = 1; d <= DEMO_WEEKS * 7; d++) {
    const day = today - d * DAY;
    const weekday = new Date(day).getUTCDay();
    if (weekday !== 0 && weekday !== 6) weekdays.push(day);
  }
  const starts = Array.from(
    { length: count },
    () => pick(rng, weekdays) + between(rng, 9 * 3600, 17.5 * 3600) * SECOND - SEOUL_OFFSET,
  );
  return starts.sort((a, b) => a - b);
}

/** The Seoul wall-clock fields of an epoch time. */
function seoul(ms: number): Date {
  return new Date(ms + SEOUL_OFFSET);
}

function seoulIso(ms: number): string {
  const d = seoul(ms);
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  return `${date}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}+09:00`;
}

/** A memo's date as people write it: `2026-11-20`. */
function seoulDate(ms: number): string {
  const d = seoul(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function seoulClock(ms: number): string {
  const d = seoul(ms);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

// ---- One call ----

interface CallPlan {
  lang: DemoLanguage;
  channel: Channel;
  scenario: ScenarioText;
  flags: Flags;
  angry: boolean;
  /** 0 = transfer to another department, 1 = "call another number". */
  escapeVariant: number;
  vars: Readonly<Record<string, string>>;
}

/** A turn before timing: `pause` is a long silence before it, `interrupt` an overlap. */
interface Line {
  speaker: Speaker;
  text: string;
  pause?: 'hold' | 'dead';
  interrupt?: boolean;
}

/** Draws each behaviour from the agent's profile, then makes the flags consistent. */
function sampleBehaviour(rng: Rng, profile: DemoAgentProfile, channel: Channel) {
  const flags = {} as Flags;
  for (const key of DEMO_CRITERION_KEYS) {
    flags[key] = rng() < demoSkill(profile, key);
  }
  const angry = rng() < 0.3;
  const hasHold = rng() < 0.6;
  if (!angry) {
    flags.deescalation = null;
    flags.thanks_for_feedback = null;
  }
  if (!hasHold) flags.hold_etiquette = null;
  // An unannounced hold is dead air; an interruption needs overlapping speech.
  if (flags.hold_etiquette === false) flags.no_dead_air = false;
  if (channel === 'chat') flags.no_interruptions = null;
  // Escaping means the problem was not solved here; a wrong fix offers no real options.
  if (flags.no_escape === false) flags.correct_resolution = false;
  if (flags.correct_resolution === false) flags.first_contact_resolution = false;
  // Options are judged only where the first request cannot be met (QA guide): an agent good at
  // them meets such a request with two alternatives; otherwise the request is simply met (N/A).
  if (flags.options_offered === false || flags.correct_resolution === false) {
    flags.options_offered = null;
  }
  return { flags, angry };
}

function callVars(rng: Rng, lang: DemoLanguage, agent: DemoAgent, scenario: ScenarioText) {
  const customer = pick(rng, P.CUSTOMER_NAMES[lang]);
  const year = between(rng, 1960, 2002);
  const month = between(rng, 1, 12);
  const day = between(rng, 1, 28);
  const agentName = lang === 'ko' ? agent.name : agent.name.split(' ')[0];
  return {
    company: P.COMPANY[lang],
    agent: agentName,
    agentPast:
      lang === 'ko'
        ? `${agentName}${hasBatchim(agentName) ? '이었습니다' : '였습니다'}`
        : agentName,
    customer,
    customerCall: lang === 'ko' ? `${customer} 고객님` : customer.split(' ')[0],
    birth: `${pad(year % 100)}${pad(month)}${pad(day)}`,
    birthEn: `${day} ${MONTHS[month - 1]} ${year}`,
    phone4: String(between(rng, 1000, 9999)),
    department: scenario.department,
  };
}

const MONTHS = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');

/**
 * The call as script steps, before padding: `opening` runs to the end of the resolution
 * (its last line is the agent's), `wrapUp` from there to the goodbye.
 */
function scriptCall(plan: CallPlan, rng: Rng): { opening: Line[]; wrapUp: Line[] } {
  const { lang, flags, scenario: s, vars, channel } = plan;
  let mood: 'calm' | 'angry' = plan.angry ? 'angry' : 'calm';
  const say = (table: Phrases): string => fill(pick(rng, table[lang]), vars);
  const feel = (table: MoodPhrases): string => say(table[mood]);
  const line =
    (speaker: Speaker) =>
    (text: string, extra: Partial<Line> = {}): Line => ({ speaker, text, ...extra });
  const agent = line('agent');
  const customer = line('customer');

  const opening: Line[] = [
    agent(flags.greeting ? say(P.GREETING_GOOD[channel]) : say(P.GREETING_BAD)),
    customer(fill(pick(rng, plan.angry ? s.angryProblem : s.problem), vars)),
  ];

  if (plan.angry) {
    const thanks = flags.thanks_for_feedback ? say(P.THANKS_FOR_FEEDBACK) : '';
    const deescalation = say(flags.deescalation ? P.DEESCALATION_GOOD : P.DEESCALATION_BAD);
    opening.push(agent(join(thanks, deescalation)));
    opening.push(customer(say(flags.deescalation ? P.CUSTOMER_CALMS : P.CUSTOMER_STAYS_ANGRY)));
    if (flags.deescalation) mood = 'calm';
  }

  const empathy = flags.empathy ? say(P.EMPATHY) : '';
  if (flags.identity_verification) {
    const i = Math.floor(rng() * P.IDENTITY_ASK[lang].length);
    opening.push(agent(fill(P.IDENTITY_ASK[lang][i], vars)));
    opening.push(customer(fill(P.IDENTITY_ANSWER[mood][lang][i], vars)));
    opening.push(agent(join(say(P.IDENTITY_CONFIRM), empathy)));
  } else {
    opening.push(agent(join(empathy, say(P.NO_IDENTITY_ACK))));
  }
  if (flags.empathy) opening.push(customer(feel(P.EMPATHY_REACTION)));

  if (flags.root_cause) {
    opening.push(agent(s.detailQuestion), customer(s.detailAnswer));
  }
  const cause = flags.root_cause ? s.cause : say(P.NO_CAUSE);
  if (flags.hold_etiquette === true) {
    opening.push(agent(say(P.HOLD_ANNOUNCE)), customer(feel(P.HOLD_OK)));
    opening.push(agent(join(say(P.HOLD_THANKS), cause), { pause: 'hold' }));
  } else if (flags.hold_etiquette === false) {
    // The agent looks things up in silence; the customer may check whether anyone is there.
    if (rng() < 0.6) {
      opening.push(customer(say(P.CUSTOMER_HELLO[channel]), { pause: 'dead' }));
      opening.push(agent(join(say(P.SILENT_RETURN), cause)));
    } else {
      opening.push(agent(cause, { pause: 'dead' }));
    }
  } else {
    opening.push(agent(cause));
  }
  if (flags.root_cause) opening.push(customer(feel(P.CAUSE_REACTION)));

  // Negative wording can precede any answer; "what I can do" only a real solution.
  const lead = say(flags.positive_language ? P.POSITIVE_PREFIX : P.NEGATIVE_PREFIX);
  const bad = flags.positive_language ? '' : lead;
  const callback =
    flags.correct_resolution && !flags.first_contact_resolution ? say(P.CALLBACK) : '';
  if (!flags.no_escape) {
    opening.push(agent(prefixed(bad, fill(P.ESCAPE[lang][plan.escapeVariant], vars), lang)));
    opening.push(customer(feel(P.ESCAPE_REACTION)), agent(say(P.ESCAPE_FOLLOW_UP)));
  } else if (!flags.correct_resolution) {
    opening.push(agent(prefixed(bad, s.wrongFix, lang)), customer(feel(P.WRONG_FIX_REACTION)));
    opening.push(agent(say(P.WRONG_FIX_FOLLOW_UP)));
  } else if (flags.options_offered) {
    const offer =
      say(P.CANNOT_AS_ASKED) +
      fill(P.OPTIONS_TEMPLATE[lang], {
        option1: s.options[0],
        option2: s.options[1],
      });
    opening.push(agent(prefixed(lead, offer, lang)), customer(feel(P.OPTION_CHOICE)));
    opening.push(agent(join(say(P.PROCEED), s.fix, callback)));
  } else {
    opening.push(agent(prefixed(lead, s.fix, lang)), customer(feel(P.FIX_ACK)));
    opening.push(agent(join(say(P.FIX_DONE), callback)));
  }

  const wrapUp: Line[] = [];
  if (!flags.no_rude_language) wrapUp.push(customer(say(P.RUDE_PROMPT)), agent(say(P.RUDE)));
  if (flags.no_dead_air === false && flags.hold_etiquette !== false) {
    // Typing the notes or searching in silence before wrapping up.
    if (rng() < 0.5) {
      wrapUp.push(customer(say(P.CUSTOMER_HELLO[channel]), { pause: 'dead' }));
      wrapUp.push(agent(say(P.DEAD_AIR_RETURN)));
    } else {
      wrapUp.push(agent(say(P.DEAD_AIR_RETURN), { pause: 'dead' }));
    }
  }
  if (flags.summary) {
    const outcome = !flags.no_escape ? 'escaped' : !flags.correct_resolution ? 'unresolved' : null;
    const summary = outcome ? fill(P.SUMMARY_OTHER[lang][outcome], vars) : s.summary;
    wrapUp.push(agent(fill(P.SUMMARY_TEMPLATE[lang], { summary })), customer(feel(P.SUMMARY_ACK)));
  }
  if (flags.anything_else) {
    wrapUp.push(agent(say(P.ANYTHING_ELSE)), customer(feel(P.ANYTHING_ELSE_REPLY)));
  }
  wrapUp.push(agent(say(flags.closing ? P.CLOSING_GOOD : P.CLOSING_BAD)), customer(feel(P.BYE)));
  if (!flags.no_escape && plan.escapeVariant === 0) {
    wrapUp.push({ speaker: 'system', text: fill(P.TRANSFER_SYSTEM[lang], vars) });
  }
  return { opening, wrapUp };
}

/** Joins consecutive lines of one speaker into one turn unless a silence or overlap separates them. */
function mergeRuns(lines: readonly Line[]): Line[] {
  const out: Line[] = [];
  for (const line of lines) {
    const last = out[out.length - 1];
    const joinable = last && last.speaker === line.speaker && line.speaker !== 'system';
    if (joinable && !line.pause && !line.interrupt) {
      out[out.length - 1] = { ...last, text: `${last.text} ${line.text}` };
    } else {
      out.push({ ...line });
    }
  }
  return out;
}

/** Customer questions and agent answers, plus an acknowledgement when the count is odd. */
function padding(count: number, plan: CallPlan, rng: Rng): Line[] {
  const questions = P.PADDING_QUESTION[plan.lang];
  const answers = P.PADDING_ANSWER[plan.lang];
  const order = sample(
    rng,
    questions.map((_, i) => i),
    questions.length,
  );
  const lines: Line[] = [];
  for (let n = 0; n + 1 < count; n += 2) {
    const i = order[(n / 2) % order.length];
    lines.push({ speaker: 'customer', text: questions[i] }, { speaker: 'agent', text: answers[i] });
  }
  if (count % 2 === 1) {
    lines.push({ speaker: 'customer', text: pick(rng, P.CUSTOMER_ACK[plan.lang]) });
  }
  return lines;
}

/** Agent turns that may cut in: right after a customer's long, uninterrupted statement. */
function interruptionCandidates(lines: readonly Line[], lang: DemoLanguage): number[] {
  const longEnough = lang === 'ko' ? 18 : 40;
  return lines.flatMap((line, i) =>
    i > 0 &&
    line.speaker === 'agent' &&
    !line.pause &&
    lines[i - 1].speaker === 'customer' &&
    lines[i - 1].text.length >= longEnough
      ? [i]
      : [],
  );
}

/** Picks `count` distinct items. */
function sample<T>(rng: Rng, items: readonly T[], count: number): T[] {
  const pool = [...items];
  const chosen: T[] = [];
  while (chosen.length < count && pool.length > 0) {
    chosen.push(pool.splice(Math.floor(rng() * pool.length), 1)[0]);
  }
  return chosen;
}

/** Marks interruptions and over-apologies on the scripted lines (mutates `lines`). */
function markBehaviour(lines: Line[], plan: CallPlan, rng: Rng): void {
  const { lang, flags } = plan;
  if (flags.no_interruptions === false) {
    const candidates = interruptionCandidates(lines, lang);
    for (const i of sample(rng, candidates, rng() < 0.4 ? 2 : 1)) {
      lines[i].interrupt = true;
      lines[i].text = prefixed(pick(rng, P.INTERRUPT_PREFIX[lang]), lines[i].text, lang);
    }
  }
  if (flags.no_over_apology === false) {
    const firstAgent = lines.findIndex((l) => l.speaker === 'agent');
    const agentTurns = lines.flatMap((l, i) =>
      l.speaker === 'agent' && i > firstAgent ? [i] : [],
    );
    for (const i of sample(rng, agentTurns, between(rng, 3, 4))) {
      lines[i].text = prefixed(pick(rng, P.APOLOGY_PREFIX[lang]), lines[i].text, lang);
    }
  }
}

/** The scripted lines padded (or cut) to the wanted length. */
function shapeLines(plan: CallPlan, rng: Rng, turnsPerCall: number | undefined): Line[] {
  const script = scriptCall(plan, rng);
  const opening = mergeRuns(script.opening);
  const wrapUp = mergeRuns(script.wrapUp);
  const scripted = [...opening, ...wrapUp];
  markBehaviour(scripted, plan, rng);
  const natural = scripted.length;
  // By default a few extra questions, within 15–40 turns (the script never exceeds 40).
  const target =
    turnsPerCall ?? Math.max(natural, Math.min(40, Math.max(15, natural + between(rng, 0, 6))));
  if (target <= natural) return scripted.slice(0, target);
  const filler = padding(target - natural, plan, rng);
  return [...scripted.slice(0, opening.length), ...filler, ...scripted.slice(opening.length)];
}

/** Speaking time in ms: about 8 Korean syllables or 16 English characters a second. */
function speechMs(text: string, lang: DemoLanguage, rng: Rng): number {
  const perChar = lang === 'ko' ? 125 : 62;
  return Math.max(500, Math.round(text.length * perChar * (0.9 + rng() * 0.25)));
}

function gapMs(line: Line, channel: Channel, rng: Rng): number {
  if (line.pause === 'hold') return between(rng, 20, 75) * SECOND;
  if (line.pause === 'dead') return between(rng, 16, 40) * SECOND;
  if (channel === 'chat') {
    // Typing time: a few seconds, never near the 15 s silence threshold.
    return between(rng, 2000, 4000) + Math.min(line.text.length * 60, 7000);
  }
  return between(rng, 200, 1100);
}

function timeLines(lines: readonly Line[], plan: CallPlan, rng: Rng): TranscriptTurn[] {
  const voice = plan.channel === 'voice';
  const turns: TranscriptTurn[] = [];
  let cursor = voice ? between(rng, 200, 900) : 0; // latest end so far
  for (const line of lines) {
    const duration = !voice
      ? 0
      : line.speaker === 'system'
        ? SECOND
        : speechMs(line.text, plan.lang, rng);
    const previous = turns[turns.length - 1];
    let start: number;
    if (!previous) {
      start = cursor;
    } else if (line.interrupt && voice && previous.speaker === 'customer') {
      // Cut in well before the customer finishes (≥ 700 ms of overlap).
      const overlap = between(rng, 700, 1800);
      previous.endMs = Math.max(previous.endMs, previous.startMs + overlap + 800);
      cursor = Math.max(cursor, previous.endMs);
      start = previous.endMs - overlap;
    } else {
      start = cursor + gapMs(line, plan.channel, rng);
    }
    turns.push({ speaker: line.speaker, startMs: start, endMs: start + duration, text: line.text });
    cursor = Math.max(cursor, start + duration);
  }
  return turns;
}

function disposition(plan: CallPlan): DemoDisposition {
  const { flags } = plan;
  if (!flags.no_escape) return plan.escapeVariant === 0 ? 'transferred' : 'referred';
  if (!flags.correct_resolution) return 'unresolved';
  return flags.first_contact_resolution ? 'resolved' : 'callback_scheduled';
}

/** 1–5, higher when the agent did more things well; angry customers left angry score low. */
function satisfaction(plan: CallPlan, rng: Rng): number {
  const done = DEMO_CRITERION_KEYS.map((k) => plan.flags[k]).filter(
    (v): v is boolean => v !== null,
  );
  let score = 1 + (4 * done.filter(Boolean).length) / done.length + (rng() - 0.5) * 1.2;
  if (plan.angry && plan.flags.deescalation === false) score -= 1.5;
  if (!plan.flags.correct_resolution) score -= 1;
  return Math.min(5, Math.max(1, Math.round(score)));
}

function writeNotes(plan: CallPlan, rng: Rng, startMs: number, durationMs: number): string {
  const { lang, scenario: s } = plan;
  if (!plan.flags.notes_quality) return fill(pick(rng, P.NOTE_BAD[lang]), { topic: s.topic });
  const action = fill(P.NOTE_ACTION[lang][disposition(plan)], {
    department: s.department,
    action: s.note.action,
  });
  return fill(P.NOTE_TEMPLATE[lang], {
    ...s.note,
    action,
    date: seoulDate(startMs),
    start: seoulClock(startMs),
    end: seoulClock(startMs + durationMs),
  });
}

function generateCall(
  seed: number,
  index: number,
  startMs: number,
  turnsPerCall: number | undefined,
  experimentFromMs: number,
): DemoCall {
  const rng = createRng(callSeed(seed, index));
  const profile = DEMO_AGENT_PROFILES[index % DEMO_AGENT_PROFILES.length];
  const lang = profile.language;
  const channel: Channel = rng() < 0.15 ? 'chat' : 'voice';
  const scenario: Scenario = pick(rng, P.SCENARIOS);
  const { flags, angry } = sampleBehaviour(rng, profile, channel);
  const text = scenario[lang];
  const plan: CallPlan = {
    lang,
    channel,
    scenario: text,
    flags,
    angry,
    escapeVariant: rng() < 0.5 ? 0 : 1,
    vars: callVars(rng, lang, profile, text),
  };
  const turns = timeLines(shapeLines(plan, rng, turnsPerCall), plan, rng);
  const durationMs = turns.reduce((end, t) => Math.max(end, t.endMs), 0);
  const transcript: ParsedTranscript = {
    meta: {
      externalId: `DEMO-${pad(index + 1, 6)}`,
      source: 'demo',
      channel,
      language: lang,
      agentExternalId: profile.externalId,
      agentName: profile.name,
      teamName: profile.team,
      startedAt: seoulIso(startMs),
      queue: scenario.queue,
      notes: writeNotes(plan, rng, startMs, durationMs),
      metadata: {
        csat: satisfaction(plan, rng),
        fcr: flags.first_contact_resolution === true,
        disposition: disposition(plan),
        ...scriptVariant(index, startMs, experimentFromMs),
      },
    },
    turns,
  };
  const metadata = transcript.meta.metadata as { csat: number; script?: string };
  // Script B's effect (no random draw: every other call stays as it was).
  if (metadata.script === 'B') metadata.csat = Math.min(5, metadata.csat + 1);
  return { transcript, behaviour: { ...flags } };
}

/** The A/B variant of a call in the experiment's weeks (none before them). */
function scriptVariant(index: number, startMs: number, fromMs: number): { script?: string } {
  return startMs >= fromMs ? { script: index % 2 === 0 ? 'A' : 'B' } : {};
}

function checkCount(name: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min) {
    throw new RangeError(`${name} must be an integer ≥ ${min}, got ${value}`);
  }
}

/**
 * The demo contact center: 2 teams, 8 agents (A-001…A-008) and `calls` calls spread over the
 * 12 weeks before `now`. Deterministic: the same options always give a deep-equal result.
 * With `turnsPerCall` below a call's scripted length the call is cut at the end, so its
 * closing steps may be missing although `behaviour` still describes the whole call.
 */
export function generateDemoContactCenter(options: DemoOptions = {}): DemoContactCenter {
  const seed = options.seed ?? 42;
  const count = options.calls ?? 200;
  const now = options.now ?? '2026-11-20T18:00:00+09:00';
  checkCount('calls', count, 0);
  if (options.turnsPerCall !== undefined) checkCount('turnsPerCall', options.turnsPerCall, 1);
  const starts = scheduleStarts(count, now, createRng(seed));
  const experimentFrom = Date.parse(now) - DEMO_EXPERIMENT.weeks * 7 * DAY;
  return {
    teams: DEMO_TEAMS.map((t) => ({ ...t })),
    agents: DEMO_AGENT_PROFILES.map(({ externalId, name, team, language }) => ({
      externalId,
      name,
      team,
      language,
    })),
    calls: starts.map((start, i) =>
      generateCall(seed, i, start, options.turnsPerCall, experimentFrom),
    ),
  };
}

// ---- WebVTT ----

const VOICE_NAMES: Readonly<Record<Speaker, string>> = {
  agent: 'Agent',
  customer: 'Customer',
  system: 'System',
};

function vttTime(ms: number): string {
  const hours = Math.floor(ms / 3_600_000);
  const minutes = Math.floor(ms / 60_000) % 60;
  const seconds = Math.floor(ms / 1000) % 60;
  return `${pad(hours)}:${pad(minutes)}:${pad(seconds)}.${pad(ms % 1000, 3)}`;
}

function escapeCueText(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\s*[\r\n]+\s*/g, ' ');
}

/**
 * The transcript as a WebVTT file with `<v Agent>` / `<v Customer>` / `<v System>` voice tags.
 * WebVTT cues must end after they start, so a zero-length turn (chat) gets 1 ms.
 */
export function renderWebVtt(t: ParsedTranscript): string {
  const cues = t.turns.map((turn, i) => {
    const start = Math.max(0, Math.round(turn.startMs));
    const end = Math.max(Math.round(turn.endMs), start + 1);
    const voice = VOICE_NAMES[turn.speaker];
    return `${i + 1}\n${vttTime(start)} --> ${vttTime(end)}\n<v ${voice}>${escapeCueText(turn.text)}`;
  });
  return `${['WEBVTT', ...cues].join('\n\n')}\n`;
}
