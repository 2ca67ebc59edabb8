/**
 * A pure, deterministic demo contact center: two teams, eight agents with stable strengths and
 * weaknesses, and calls whose transcripts follow the Korean call script (greeting → identity check
 * → empathy → hold → solution/options → summary → "anything else?" → closing) or break it where
 * the agent's behaviour says so. No framework, no I/O, no clock, no Math.random: the same options
 * always give the same contact center.
 */
import { createRng } from '../common/random';
import {
  DEMO_AGENT_PROFILES,
  DEMO_EXPERIMENT,
  DEMO_TEAMS,
  type DemoContactCenter,
  type DemoOptions,
} from './demo-center';
import { DAY, scheduleStarts } from './demo-helpers';
import { generateCall } from './demo-call';

export * from './demo-center';
export { renderWebVtt } from './webvtt';

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
