/**
 * bench/analytics' data: teams, agents, calls with metadata (CSAT, FCR, queue), auto-QA and human
 * evaluations with their answers, written raw through a BulkSink from one seeded PRNG, so every
 * run writes the same database.
 */
import { answerPassed } from '../../src/scoring/answer-passed';
import type { ScorecardVersion } from '../../src/scorecards/entities/scorecard-version.entity';
import type { CriterionDefinition } from '../../src/scorecards/scorecard-definition';
import { computeScore } from '../../src/scoring/score-formula';
import type { BulkSink } from './bulk-sink';
import { createRng } from '../../src/common/random';

/** The bench's seeded stream (mulberry32, src/common/random.ts): the same database every run. */
export const random = createRng;

export const TEAMS = 5;
export const WEEKS = 26;
const DAY_MS = 86_400_000;
const SEOUL_OFFSET_MS = 9 * 3_600_000;

/** TypeORM's SQLite time stamp: UTC, 'YYYY-MM-DD HH:MM:SS.SSS'. */
const stamp = (ms: number) => new Date(ms).toISOString().replace('T', ' ').replace('Z', '');

export interface Generated {
  agents: number;
  calls: number;
  evaluations: number;
  answers: number;
  seconds: number;
}

/** value for a pass or a miss on the criterion's scale */
function valueFor(c: CriterionDefinition, pass: boolean, rnd: () => number): number {
  switch (c.scale.type) {
    case 'yes_no':
      return pass ? 1 : 0;
    case 'rating':
      return pass ? (rnd() < 0.5 ? 4 : 5) : 2;
    case 'points':
      return pass ? c.scale.max : Math.floor(c.scale.max / 2);
  }
}

export async function generate(
  sink: BulkSink,
  version: ScorecardVersion,
  agents: number,
  evaluations: number,
  callsAsked: number | null,
): Promise<Generated> {
  const started = performance.now();
  const rnd = random(42);
  const criteria = version.definition.sections.flatMap((s) => s.criteria);
  const difficulty = criteria.map(() => -0.2 + rnd() * 0.25);
  // By default every call is scored (auto; human on 3 in 7); with --calls, a share of them so
  // that the evaluations stay as asked (1,000,000 calls, 500,000 evaluations: 35 % scored).
  const calls = callsAsked ?? Math.round((evaluations * 7) / 10);
  const scoredShare = Math.min(1, (evaluations * 7) / 10 / calls);
  const teams = sink.inserter('teams', ['id', 'name'], 1);
  for (let t = 1; t <= TEAMS; t++) await teams.add([t, `벤치 ${t}팀`]);
  await teams.close();
  const agentRows = sink.inserter('agents', ['id', 'externalId', 'name', 'teamId']);
  const skill: number[] = [];
  for (let a = 1; a <= agents; a++) {
    skill[a] = 0.65 + rnd() * 0.3;
    await agentRows.add([
      a,
      `B-${String(a).padStart(3, '0')}`,
      `상담사 ${a}`,
      ((a - 1) % TEAMS) + 1,
    ]);
  }
  await agentRows.close();

  const interactions = sink.inserter('interactions', [
    'id',
    'source',
    'externalId',
    'channel',
    'language',
    'agentId',
    'startedAt',
    'durationMs',
    'queue',
    'metadata',
    'turnCount',
  ]);
  const evaluationRows = sink.inserter(
    'evaluations',
    [
      'id',
      'interactionId',
      'scorecardVersionId',
      'evaluatorId',
      'kind',
      'status',
      'overallScore',
      'passed',
      'breakdown',
      'metrics',
      'version',
      'submittedAt',
    ],
    20,
  );
  const answerRows = sink.inserter(
    'evaluation_answers',
    ['evaluationId', 'criterionKey', 'value', 'passed', 'suggestion'],
    100,
  );
  const today = Math.floor((Date.now() + SEOUL_OFFSET_MS) / DAY_MS) * DAY_MS - SEOUL_OFFSET_MS;
  const queues = ['billing', 'technical', 'orders', 'cancellations'];
  // FCR for the KPI and drivers queries, from its own sequence (the rest of the data unchanged).
  const fcrRandom = random(4242);
  let evaluationId = 0;
  let answers = 0;
  const store = async (
    callId: number,
    kind: 'manual' | 'auto',
    values: (number | null)[],
    suggestions: ('pass' | 'fail' | 'na')[] | null,
    at: number,
    metrics: string | null,
  ) => {
    const breakdown = computeScore(
      version.definition,
      Object.fromEntries(criteria.map((c, i) => [c.key, { value: values[i] }])),
    );
    evaluationId++;
    await evaluationRows.add([
      evaluationId,
      callId,
      version.id,
      null,
      kind,
      rnd() < 0.2 && kind === 'manual' ? 'acknowledged' : 'submitted',
      breakdown.overall,
      breakdown.passed ? 1 : 0,
      JSON.stringify(breakdown),
      metrics,
      1,
      stamp(at + 3_600_000),
    ]);
    for (const [i, c] of criteria.entries()) {
      const passed =
        kind === 'auto'
          ? suggestions![i] === 'na'
            ? null
            : suggestions![i] === 'pass'
          : answerPassed(c.scale, values[i], c.critical);
      await answerRows.add([
        evaluationId,
        c.key,
        values[i],
        passed === null ? null : passed ? 1 : 0,
        suggestions?.[i] ?? null,
      ]);
      answers++;
    }
  };
  for (let id = 1; id <= calls; id++) {
    const agent = ((id - 1) % agents) + 1;
    const day = Math.floor(rnd() * WEEKS * 7);
    const at = today - day * DAY_MS + (9 + rnd() * 8.5) * 3_600_000; // 09:00–17:30 Seoul
    const negativity = rnd() < 0.15 ? 6 + Math.round(rnd() * 4) : Math.round(rnd() * 5);
    await interactions.add([
      id,
      'bench',
      `BA-${id}`,
      'voice',
      'ko',
      agent,
      stamp(at),
      180_000 + Math.floor(rnd() * 600_000),
      queues[Math.floor(rnd() * queues.length)],
      JSON.stringify({
        csat: 1 + Math.floor(rnd() * 5),
        fcr: fcrRandom() < 0.7,
        ...(rnd() < 0.05 ? { escalated: true } : {}),
      }),
      0,
    ]);
    if (Math.floor(id * scoredShare) === Math.floor((id - 1) * scoredShare)) continue;
    // What happened on the call, per criterion: pass, miss or not applicable.
    const truth = criteria.map((c, i) =>
      c.naAllowed && rnd() < 0.15 ? null : rnd() < Math.min(0.99, skill[agent] + difficulty[i]),
    );
    // Auto-QA agrees with what happened 85 % of the time.
    const machine = truth.map((t) => (t === null ? null : rnd() < 0.85 ? t : !t));
    const suggestions: ('pass' | 'fail' | 'na')[] = machine.map((m) =>
      m === null ? 'na' : m ? 'pass' : 'fail',
    );
    const metrics = JSON.stringify({
      interruptions: rnd() < 0.7 ? 0 : 1 + Math.floor(rnd() * 4),
      longestSilenceMs: Math.floor(rnd() * 25_000),
      unannouncedSilences: rnd() < 0.8 ? 0 : 1,
      agentTalkRatio: Math.round((0.35 + rnd() * 0.4) * 1000) / 1000,
      apologies: Math.floor(rnd() * 3),
      customerNegativity: {
        start: Math.min(negativity, 3),
        peak: negativity,
        end: Math.floor(negativity / 2),
      },
    });
    await store(
      id,
      'auto',
      machine.map((m, i) => (m === null ? null : valueFor(criteria[i], m, rnd))),
      suggestions,
      at,
      metrics,
    );
    if (id % 7 < 3) {
      await store(
        id,
        'manual',
        truth.map((t, i) => (t === null ? null : valueFor(criteria[i], t, rnd))),
        suggestions,
        at,
        null,
      );
    }
  }
  await interactions.close();
  await evaluationRows.close();
  await answerRows.close();
  await sink.finish();
  return {
    agents,
    calls,
    evaluations: evaluationId,
    answers,
    seconds: (performance.now() - started) / 1000,
  };
}
