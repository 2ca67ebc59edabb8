/**
 * One demo call: the agent's behaviour drawn from their profile, the script written from the
 * phrase tables (demo-script.ts), the turns timed, the notes, satisfaction and disposition.
 * Pure and seeded per call (generateCall).
 */
import type { Channel, ParsedTranscript, TranscriptTurn } from '../transcripts/transcript';
import { createRng, type Rng } from '../common/random';
import type { DemoDisposition, DemoLanguage, Scenario, ScenarioText } from './demo-phrases';
import * as P from './demo-phrases';
import {
  DEMO_AGENT_PROFILES,
  DEMO_CRITERION_KEYS,
  type DemoAgent,
  type DemoAgentProfile,
  type DemoCall,
  type Flags,
  demoSkill,
} from './demo-center';
import {
  SECOND,
  between,
  callSeed,
  fill,
  hasBatchim,
  pad,
  pick,
  seoulClock,
  seoulDate,
  seoulIso,
} from './demo-helpers';
import { shapeLines, type CallPlan, type Line } from './demo-script';

export type { CallPlan, Line } from './demo-script';

/** Draws each behaviour from the agent's profile, then makes the flags consistent. */
export function sampleBehaviour(rng: Rng, profile: DemoAgentProfile, channel: Channel) {
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

export function callVars(rng: Rng, lang: DemoLanguage, agent: DemoAgent, scenario: ScenarioText) {
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

export const MONTHS = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');

/** Speaking time in ms: about 8 Korean syllables or 16 English characters a second. */
export function speechMs(text: string, lang: DemoLanguage, rng: Rng): number {
  const perChar = lang === 'ko' ? 125 : 62;
  return Math.max(500, Math.round(text.length * perChar * (0.9 + rng() * 0.25)));
}

export function gapMs(line: Line, channel: Channel, rng: Rng): number {
  if (line.pause === 'hold') return between(rng, 20, 75) * SECOND;
  if (line.pause === 'dead') return between(rng, 16, 40) * SECOND;
  if (channel === 'chat') {
    // Typing time: a few seconds, never near the 15 s silence threshold.
    return between(rng, 2000, 4000) + Math.min(line.text.length * 60, 7000);
  }
  return between(rng, 200, 1100);
}

export function timeLines(lines: readonly Line[], plan: CallPlan, rng: Rng): TranscriptTurn[] {
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

export function disposition(plan: CallPlan): DemoDisposition {
  const { flags } = plan;
  if (!flags.no_escape) return plan.escapeVariant === 0 ? 'transferred' : 'referred';
  if (!flags.correct_resolution) return 'unresolved';
  return flags.first_contact_resolution ? 'resolved' : 'callback_scheduled';
}

/** 1–5, higher when the agent did more things well; angry customers left angry score low. */
export function satisfaction(plan: CallPlan, rng: Rng): number {
  const done = DEMO_CRITERION_KEYS.map((k) => plan.flags[k]).filter(
    (v): v is boolean => v !== null,
  );
  let score = 1 + (4 * done.filter(Boolean).length) / done.length + (rng() - 0.5) * 1.2;
  if (plan.angry && plan.flags.deescalation === false) score -= 1.5;
  if (!plan.flags.correct_resolution) score -= 1;
  return Math.min(5, Math.max(1, Math.round(score)));
}

export function writeNotes(plan: CallPlan, rng: Rng, startMs: number, durationMs: number): string {
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

export function generateCall(
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
export function scriptVariant(index: number, startMs: number, fromMs: number): { script?: string } {
  return startMs >= fromMs ? { script: index % 2 === 0 ? 'A' : 'B' } : {};
}
