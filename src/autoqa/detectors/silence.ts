/**
 * `silence`. `announced`: every gap over the threshold was announced by one of the last
 * `announceWithinTurns` agent turns before it (and, with `thank`, thanked by one of the next two
 * agent turns); N/A when no gap is over the threshold. `longest`: the longest gap is not over
 * the threshold. N/A on chat.
 */
import type { DetectorOutcome, Evidence, SilenceBlock, SilenceMode } from '../autoqa.types';
import type { MatchLanguage, MatcherLibrary, PhraseMatcher } from '../text-match';
import { CallContext, Gap, plural, seconds } from './context';
import {
  DEFAULT_ANNOUNCE,
  DEFAULT_ANNOUNCE_WITHIN_TURNS,
  DEFAULT_SILENCE_MS,
  THANK_WITHIN_TURNS,
} from './defaults';
import { clock, NOT_ON_CHAT } from './shared';
import { form, type ReasonMessage, secondsOf } from '../reason-codes';

export interface SilenceConfig {
  thresholdMs: number;
  /** On chat: a wait of this long between the agent's messages counts (null: N/A on chat). */
  chatThresholdMs: number | null;
  announce: PhraseMatcher | null;
  thank: PhraseMatcher | null;
  announceWithinTurns: number;
  mode: SilenceMode;
  none: 'pass' | 'na';
}

export function compileSilence(block: SilenceBlock, lib: MatcherLibrary): SilenceConfig {
  return {
    thresholdMs: block.thresholdMs ?? DEFAULT_SILENCE_MS,
    chatThresholdMs: block.chatThresholdMs ?? null,
    announce: block.announce === undefined ? null : lib.matcher(block.announce),
    thank: block.thank === undefined ? null : lib.matcher(block.thank),
    announceWithinTurns: block.announceWithinTurns ?? DEFAULT_ANNOUNCE_WITHIN_TURNS,
    mode: block.mode ?? (block.announce === undefined ? 'longest' : 'announced'),
    none: block.none ?? 'na',
  };
}

/** The settings of the unannounced-silence metric: the block's, with default announcements. */
export function compileSilenceMetric(
  block: SilenceBlock | undefined,
  lib: MatcherLibrary,
  language: MatchLanguage,
): SilenceConfig {
  const config = compileSilence(block ?? { detector: 'silence' }, lib);
  // The metric counts silences nobody announced; thanking afterwards is a criterion's business.
  return {
    ...config,
    announce: config.announce ?? lib.matcher(DEFAULT_ANNOUNCE[language]),
    thank: null,
  };
}

export interface LongSilence {
  gap: Gap;
  /** The agent turn that announced it, or null. */
  announcedBy: number | null;
  /** The agent turn that thanked the customer afterwards, or null (or no `thank` asked). */
  thankedBy: number | null;
  ok: boolean;
}

/** Every gap over the threshold, and whether it was announced (and thanked). */
export function longSilences(ctx: CallContext, config: SilenceConfig): LongSilence[] {
  const out: LongSilence[] = [];
  const gaps = ctx.voice
    ? ctx.gaps()
    : ctx.timed
      ? ctx.gaps().filter((g) => ctx.turns[g.turn].speaker === 'agent')
      : chatWaits(ctx, config.chatThresholdMs ?? Infinity);
  const threshold = holdThreshold(ctx, config);
  for (const gap of gaps) {
    if (gap.ms < threshold) continue; // a pause of the threshold or more counts
    const before = ctx.agentBefore[gap.turn];
    const announcedBy = firstMatching(
      ctx,
      config.announce,
      Math.max(0, before - config.announceWithinTurns),
      before,
    );
    const thankedBy = firstMatching(ctx, config.thank, before, before + THANK_WITHIN_TURNS);
    const ok = announcedBy !== null && (config.thank === null || thankedBy !== null);
    out.push({ gap, announcedBy, thankedBy, ok });
  }
  return out;
}

/**
 * The pause that counts as a hold: the voice threshold on a call and on a chat whose messages
 * carry durations (there a gap before an agent message is the customer waiting, as on a call);
 * the chat threshold when messages are points in time (the gap then holds the typing).
 */
function holdThreshold(ctx: CallContext, config: SilenceConfig): number {
  return ctx.timed ? config.thresholdMs : (config.chatThresholdMs ?? Infinity);
}

/**
 * Chat waits: the customer waiting on the agent. From one agent message to the next, when that
 * took `min` or more and the customer, if they wrote in between, was not the one who kept the
 * other waiting (their last message came at least half of `min` before the agent's).
 */
function chatWaits(ctx: CallContext, min: number): Gap[] {
  const waits: Gap[] = [];
  let lastAgent: number | null = null;
  let lastCustomer: number | null = null;
  ctx.turns.forEach((t, i) => {
    if (t.speaker === 'customer') lastCustomer = t.startMs;
    if (t.speaker !== 'agent') return;
    if (lastAgent !== null) {
      const ms = t.startMs - lastAgent;
      const customerWait =
        lastCustomer === null ? ms : t.startMs - Math.max(lastCustomer, lastAgent);
      if (ms >= min && customerWait >= min / 2) waits.push({ turn: i, startMs: lastAgent, ms });
    }
    lastAgent = t.startMs;
    lastCustomer = null;
  });
  return waits;
}

/** The first agent turn among agentTurns[from..to) that matches. */
function firstMatching(
  ctx: CallContext,
  matcher: PhraseMatcher | null,
  from: number,
  to: number,
): number | null {
  if (matcher === null) return null;
  const agent = ctx.agentTurns;
  for (let k = from; k < Math.min(to, agent.length); k++) {
    if (ctx.matches(matcher, agent[k])) return agent[k];
  }
  return null;
}

export function detectSilence(ctx: CallContext, config: SilenceConfig): DetectorOutcome {
  if (!ctx.voice && (config.chatThresholdMs === null || config.mode !== 'announced')) {
    return NOT_ON_CHAT;
  }
  return config.mode === 'longest' ? longest(ctx, config) : announced(ctx, config);
}

function longest(ctx: CallContext, config: SilenceConfig): DetectorOutcome {
  const limit = seconds(config.thresholdMs);
  const source = ctx.source.longestSilenceMs;
  let ms: number;
  let evidence: Evidence[];
  if (source !== undefined) {
    ms = source;
    evidence = [
      {
        turn: null,
        startMs: null,
        text: 'longest silence measured by the source',
        value: ms,
        unit: 'ms',
        measure: { code: 'sourceSilence' },
      },
    ];
  } else {
    const gaps = ctx.gaps();
    const top = gaps.reduce<Gap | null>(
      (best, g) => (best === null || g.ms > best.ms ? g : best),
      null,
    );
    ms = top === null ? 0 : top.ms;
    evidence =
      top === null ? [] : [{ ...ctx.evidence(top.turn, top.ms), unit: 'ms', startMs: top.startMs }];
  }
  const reasonParams = { silence: secondsOf(ms), limit: secondsOf(config.thresholdMs) };
  return ms <= config.thresholdMs
    ? {
        result: 'pass',
        evidence,
        reason: `the longest silence, ${seconds(ms)}, is not over ${limit}`,
        reasonCode: 'silence.longestNotOver',
        reasonParams,
      }
    : {
        result: 'fail',
        evidence,
        reason: `the longest silence, ${seconds(ms)}, is over ${limit}`,
        reasonCode: 'silence.longestOver',
        reasonParams,
      };
}

function announced(ctx: CallContext, config: SilenceConfig): DetectorOutcome {
  const limit = seconds(holdThreshold(ctx, config));
  const silences = longSilences(ctx, config);
  if (silences.length === 0) {
    return {
      result: config.none,
      evidence: [],
      reason: `no silence of ${limit} or more`,
      reasonCode: 'silence.none',
      // `limit` is seconds(threshold): "12.5 s".
      reasonParams: { limit: Number.parseFloat(limit) },
    };
  }
  const evidence: Evidence[] = [];
  for (const s of silences) {
    if (s.announcedBy !== null && config.announce !== null) {
      evidence.push(ctx.evidence(s.announcedBy, ctx.phraseIn(config.announce, s.announcedBy)));
    }
    evidence.push({ ...ctx.evidence(s.gap.turn, s.gap.ms), unit: 'ms', startMs: s.gap.startMs });
    if (s.thankedBy !== null && config.thank !== null) {
      evidence.push(ctx.evidence(s.thankedBy, ctx.phraseIn(config.thank, s.thankedBy)));
    }
  }
  const bad = silences.find((s) => !s.ok);
  if (bad !== undefined) {
    const what = `the ${seconds(bad.gap.ms)} silence at ${clock(bad.gap.startMs)}`;
    const reason =
      bad.announcedBy === null
        ? `${what} was not announced`
        : `${what} was announced but not thanked`;
    const reasonCode = bad.announcedBy === null ? 'silence.notAnnounced' : 'silence.notThanked';
    const reasonParams = { silence: secondsOf(bad.gap.ms), at: clock(bad.gap.startMs) };
    const threshold = holdThreshold(ctx, config);
    // A pause just over the line may be a slow answer rather than a look-up.
    const near = silences.filter((x) => !x.ok).every((x) => x.gap.ms < threshold * 1.25);
    return {
      result: 'fail',
      evidence,
      reason,
      reasonCode,
      reasonParams,
      confidence: near ? 0.65 : 0.85,
    };
  }
  const done = config.thank === null ? 'announced' : 'announced and thanked';
  const reason =
    silences.length === 1
      ? `the ${seconds(silences[0].gap.ms)} silence was ${done}`
      : `all ${plural(silences.length, 'silence')} over ${limit} were ${done}`;
  const donePart: ReasonMessage = {
    code: config.thank === null ? 'silence.done.announced' : 'silence.done.announcedThanked',
  };
  const n = silences.length;
  return {
    result: 'pass',
    evidence,
    reason,
    ...(n === 1
      ? {
          reasonCode: 'silence.oneDone',
          reasonParams: { silence: secondsOf(silences[0].gap.ms), done: donePart },
        }
      : {
          reasonCode: `silence.allDone.${form(n)}`,
          reasonParams: { n, limit: Number.parseFloat(limit), done: donePart },
        }),
  };
}
