/**
 * One demo call: the agent's behaviour drawn from their profile, the script written from the
 * phrase tables (or broken where the behaviour says so), the turns timed, the notes, satisfaction
 * and disposition. Pure and seeded per call (generateCall).
 */
import type { Channel, ParsedTranscript, Speaker, TranscriptTurn } from '../transcripts/transcript';
import { createRng, type Rng } from '../common/random';
import type {
  DemoDisposition,
  DemoLanguage,
  MoodPhrases,
  Phrases,
  Scenario,
  ScenarioText,
} from './demo-phrases';
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
  join,
  pad,
  pick,
  prefixed,
  seoulClock,
  seoulDate,
  seoulIso,
} from './demo-helpers';

export interface CallPlan {
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
export interface Line {
  speaker: Speaker;
  text: string;
  pause?: 'hold' | 'dead';
  interrupt?: boolean;
}

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

/**
 * The call as script steps, before padding: `opening` runs to the end of the resolution
 * (its last line is the agent's), `wrapUp` from there to the goodbye.
 */
export function scriptCall(plan: CallPlan, rng: Rng): { opening: Line[]; wrapUp: Line[] } {
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
export function mergeRuns(lines: readonly Line[]): Line[] {
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
export function padding(count: number, plan: CallPlan, rng: Rng): Line[] {
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
export function interruptionCandidates(lines: readonly Line[], lang: DemoLanguage): number[] {
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
export function sample<T>(rng: Rng, items: readonly T[], count: number): T[] {
  const pool = [...items];
  const chosen: T[] = [];
  while (chosen.length < count && pool.length > 0) {
    chosen.push(pool.splice(Math.floor(rng() * pool.length), 1)[0]);
  }
  return chosen;
}

/** Marks interruptions and over-apologies on the scripted lines (mutates `lines`). */
export function markBehaviour(lines: Line[], plan: CallPlan, rng: Rng): void {
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
export function shapeLines(plan: CallPlan, rng: Rng, turnsPerCall: number | undefined): Line[] {
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
