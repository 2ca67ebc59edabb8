/**
 * A demo call's script: the lines the agent and the customer say, written from the phrase tables
 * and broken where the agent's behaviour says so (an interruption, an over-apology, a missing
 * step), padded to the wanted length. Pure; the randomness is the caller's seeded generator.
 */
import type { Channel, Speaker } from '../transcripts/transcript';
import type { Rng } from '../common/random';
import type { DemoLanguage, MoodPhrases, Phrases, ScenarioText } from './demo-phrases';
import * as P from './demo-phrases';
import type { Flags } from './demo-center';
import { between, fill, join, pick, prefixed } from './demo-helpers';

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
