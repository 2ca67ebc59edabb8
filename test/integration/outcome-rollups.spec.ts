/**
 * The outcome roll-ups (outcome_stats for the KPIs, driver_facts for the drivers) give what the
 * direct queries over the calls and answers give, up to float rounding: on seeded calls with
 * varied metadata (every call with FCR in its metadata, one without an agent), several
 * evaluations of one call and N/A answers; again after an evaluation changes (the refresh job)
 * and after `analytics rebuild`. Each comparison also checks that the roll-up was read. A rebuild
 * that reads the calls in many ranges writes one outcome_stats row per agent, day, queue and
 * channel, the rows a refresh of each agent-day writes.
 */
import type { Agent as TestAgent } from 'supertest';
import { AnalyticsService } from '../../src/analytics/analytics.service';
import type { Actor } from '../../src/common/current-user';
import { DriversService } from '../../src/outcomes/drivers.service';
import { KPI_DIMENSIONS } from '../../src/outcomes/kpi-facts';
import { KpiService } from '../../src/outcomes/kpi.service';
import { SUM_COLUMNS } from '../../src/outcomes/kpi-rollup';
import { OutcomeRollupService } from '../../src/outcomes/outcome-rollup.service';
import { OutcomesRepository } from '../../src/outcomes/outcomes.repository';
import { startTestApp, TestApp, TEST_USERS } from '../support/test-app';
import { createRng as random } from '../../src/common/random';

jest.setTimeout(120_000);

const SCORECARD = `
key: rollup-test
name: Roll-up test
language: ko
channel: voice
passingScore: 80
sections:
  - key: main
    label: 기본
    weight: 100
    criteria:
      - { key: greet, label: 인사, guidance: 인사했는가, scale: yes_no }
      - { key: solve, label: 해결, guidance: 해결했는가, scale: yes_no }
      - { key: verify, label: 확인, guidance: 확인했는가, scale: yes_no, na: true }
`;

const AGENTS = [
  { externalId: 'R-1', name: '김하나', team: 'Alpha' },
  { externalId: 'R-2', name: '이두리', team: 'Alpha' },
  { externalId: 'R-3', name: '박세나', team: 'Beta' },
];
const PERIOD = { from: '2026-10-05', to: '2026-10-25' };

/** Equal up to float rounding (relative 1e-9), every key of both. */
function expectSame(actual: unknown, expected: unknown, at = '$'): void {
  if (typeof expected === 'number' && typeof actual === 'number') {
    const scale = Math.max(1, Math.abs(expected));
    if (Math.abs(actual - expected) > 1e-9 * scale) {
      throw new Error(`${at}: ${actual} ≠ ${expected}`);
    }
    return;
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object') throw new Error(`${at}: ${String(actual)}`);
    const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
    for (const k of keys) {
      expectSame(
        (actual as Record<string, unknown>)[k],
        (expected as Record<string, unknown>)[k],
        `${at}.${k}`,
      );
    }
    return;
  }
  if (actual !== expected) throw new Error(`${at}: ${String(actual)} ≠ ${String(expected)}`);
}

describe('the outcome roll-ups answer as the calls do', () => {
  let t: TestApp;
  let evaluator: TestAgent;
  let admin: Actor;
  let lead: Actor;
  const evaluations: { id: number; interactionId: number }[] = [];

  async function evaluate(interactionId: number, values: (0 | 1 | null)[]) {
    const draft = (
      await evaluator
        .post('/api/evaluations')
        .send({ interactionId, scorecardKey: 'rollup-test' })
        .expect((res) => {
          if (res.status !== 201) throw new Error(JSON.stringify(res.body));
        })
    ).body;
    await evaluator
      .post(`/api/evaluations/${draft.id}/submit`)
      .send({
        version: draft.version,
        answers: ['greet', 'solve', 'verify'].map((key, i) =>
          values[i] === null ? { key, na: true } : { key, value: values[i] },
        ),
      })
      .expect(201);
    evaluations.push({ id: draft.id, interactionId });
  }

  beforeAll(async () => {
    t = await startTestApp({ AUTOQA: 'off' });
    evaluator = await t.client();
    const fs = await import('fs');
    const path = await import('path');
    fs.writeFileSync(path.join(t.scorecardsDir, 'rollup-test.yaml'), SCORECARD);
    await (await t.client(TEST_USERS.admin)).post('/api/scorecards/sync').expect(200);
    const rnd = random(17);
    const files = Array.from({ length: 24 }, (_, i) => {
      const agent = i === 23 ? null : AGENTS[i % AGENTS.length];
      const seconds = 60 + Math.floor(rnd() * 600);
      const metadata: Record<string, unknown> = {
        csat: 1 + Math.floor(rnd() * 5),
        fcr: rnd() < 0.6,
        acwSeconds: Math.floor(rnd() * 60),
        ...(rnd() < 0.4 ? { holdSeconds: Math.floor(rnd() * 30) } : {}),
        ...(rnd() < 0.5 ? { transferred: rnd() < 0.3 } : {}),
      };
      if (i % 7 === 3) delete metadata.csat;
      const day = 5 + Math.floor(rnd() * 20);
      return {
        externalId: `r${i}`,
        source: 'rollup-test',
        channel: i % 5 === 4 ? 'chat' : 'voice',
        language: 'ko',
        ...(agent ? { agent } : {}),
        startedAt: `2026-10-${String(day).padStart(2, '0')}T${String(1 + (i % 20)).padStart(2, '0')}:30:00Z`,
        queue: ['billing', 'tech', 'orders'][i % 3],
        metadata,
        turns: [
          { speaker: 'agent', startMs: 0, endMs: 4000, text: '안녕하세요, 상담사입니다.' },
          { speaker: 'customer', startMs: 5000, endMs: seconds * 1000, text: '문의입니다.' },
        ],
      };
    });
    for (const [i, file] of files.entries()) {
      const imported = await evaluator
        .post('/api/interactions/import')
        .attach('files', Buffer.from(JSON.stringify(file)), `${file.externalId}.json`)
        .expect(200);
      const interactionId = imported.body.results[0].interactionId as number;
      // Some calls are never scored: the roll-up counts them from their import.
      if (i % 9 === 2) continue;
      const pick = () => (rnd() < 0.65 ? 1 : 0);
      await evaluate(interactionId, [pick(), pick(), rnd() < 0.25 ? null : pick()]);
      // A second human evaluation of some calls: its answers are the ones that count.
      if (i % 4 === 1) await evaluate(interactionId, [pick(), pick(), null]);
    }
    admin = await t.createUser({ email: 'admin2@test.local', name: 'Admin', role: 'admin' });
    lead = await t.createUser({
      email: 'lead-alpha@test.local',
      name: 'Lead Alpha',
      role: 'team_lead',
      teams: ['Alpha'],
    });
    await t.jobsSettled();
  });
  afterAll(() => t?.close());

  const teamId = async (name: string) => {
    const [row] = await t.dataSource.query<{ id: number }[]>(
      t.dataSource.options.type === 'postgres'
        ? `SELECT "id" FROM "teams" WHERE "name" = $1`
        : `SELECT "id" FROM "teams" WHERE "name" = ?`,
      [name],
    );
    return Number(row.id);
  };

  async function compareAll() {
    const kpis = t.app.get(KpiService);
    const drivers = t.app.get(DriversService);
    const answers = jest.spyOn(t.app.get(OutcomesRepository), 'answers');
    const alpha = await teamId('Alpha');
    const now = new Date('2026-12-01T00:00:00Z');
    for (const actor of [admin, lead]) {
      for (const team of [null, alpha]) {
        for (const by of KPI_DIMENSIONS) {
          const options = { ...PERIOD, by, teamId: team, fcr: 'auto' as const };
          expect(await kpis.rolledUp(actor, options, now)).not.toBeNull();
          const rolled = await kpis.report(actor, options, now);
          const direct = await kpis.report(actor, { ...options, useRollup: false }, now);
          expect(rolled.total.calls).toBeGreaterThan(0);
          expectSame(rolled, direct);
        }
        answers.mockClear();
        const asked = { ...PERIOD, teamId: team, scorecardKey: 'rollup-test' };
        const rolled = await drivers.report(actor, asked, now);
        // The team's drivers come from driver_facts; the whole center (a call without an agent
        // is in it) from the answers.
        expect(answers).toHaveBeenCalledTimes(team === null && actor === admin ? 1 : 0);
        const direct = await drivers.report(actor, { ...asked, useRollup: false }, now);
        expect(rolled.results.csat.human.calls).toBeGreaterThan(5);
        expectSame(rolled, direct);
        // Without a scorecard asked: the one with the most answers, as from the answers.
        const chosen = await drivers.report(actor, { ...PERIOD, teamId: team }, now);
        expect(chosen.scorecardKey).toBe(
          (await drivers.report(actor, { ...PERIOD, teamId: team, useRollup: false }, now))
            .scorecardKey,
        );
      }
    }
    answers.mockRestore();
  }

  it('gives the same KPIs and drivers as the calls, by every dimension and scope', async () => {
    await compareAll();
  });

  it('stays the same after an evaluation changes (the refresh job) and after a rebuild', async () => {
    // A third human evaluation of a call: its answers now count, and the call's mean score moves.
    await evaluate(evaluations[0].interactionId, [0, 0, 0]);
    await evaluate(evaluations[5].interactionId, [1, 1, 1]);
    await t.jobsSettled();
    await compareAll();
    await t.app.get(AnalyticsService).rebuild();
    await compareAll();
  });

  it('goes to the calls where the roll-up cannot answer: derived FCR, one scorecard, missing FCR', async () => {
    const kpis = t.app.get(KpiService);
    expect(await kpis.rolledUp(admin, { ...PERIOD, fcr: 'derived' })).toBeNull();
    expect(await kpis.rolledUp(admin, { ...PERIOD, scorecardKey: 'rollup-test' })).toBeNull();
    expect(await kpis.rolledUp(admin, { ...PERIOD, fcr: 'metadata' })).not.toBeNull();
  });

  it('rebuilds in ranges of calls into one row per key, the rows a refresh writes', async () => {
    const analytics = t.app.get(AnalyticsService);
    const rollup = t.app.get(OutcomeRollupService);
    const count = async (sql: string) =>
      Number(
        (await t.dataSource.query<{ n: unknown }[]>(`SELECT COUNT(*) AS "n" FROM (${sql}) "x"`))[0]
          .n,
      );
    const DAY = `SUBSTR(CAST("startedAt" AS TEXT), 1, 10)`;
    const CHUNK = 2;
    // Agent-day-queue-channels whose calls fall in more than one range: the case merged.
    const keys = `SELECT "agentId" FROM "interactions" WHERE "agentId" IS NOT NULL
      GROUP BY "agentId", ${DAY}, "queue", "channel"`;
    expect(await count(`${keys} HAVING COUNT(DISTINCT ("id" - 1) / ${CHUNK}) > 1`)).toBeGreaterThan(
      0,
    );
    const statRows = () =>
      t.dataSource.query<Record<string, unknown>[]>(
        `SELECT "agentId", "day", "queue", "channel", ${SUM_COLUMNS.map((c) => `"${c}"`).join(', ')}
         FROM "outcome_stats" ORDER BY "agentId", "day", "queue", "channel"`,
      );
    const numbers = (rows: Record<string, unknown>[]) =>
      rows.map((r) =>
        Object.fromEntries(
          Object.entries(r).map(([k, v]) => [
            k,
            typeof v === 'string' && k !== 'day' && k !== 'queue' && k !== 'channel'
              ? Number(v)
              : v,
          ]),
        ),
      );

    rollup.rebuildChunk = CHUNK;
    try {
      await analytics.rebuild();
    } finally {
      rollup.rebuildChunk = 5_000;
    }
    expect(await count(`SELECT "id" FROM "outcome_stats"`)).toBe(await count(keys));
    expect(
      await count(
        `SELECT "agentId" FROM "criterion_stats" GROUP BY "agentId", "teamId", "day", "scorecardKey", "criterionKey", "source" HAVING COUNT(*) > 1`,
      ),
    ).toBe(0);
    const rebuilt = numbers(await statRows());
    await compareAll();

    // A refresh of every agent-day after it writes the same rows (sums up to float rounding).
    const days = await t.dataSource.query<{ agentId: unknown; day: unknown }[]>(
      `SELECT DISTINCT "agentId" AS "agentId", "day" AS "day" FROM "outcome_stats"`,
    );
    for (const d of days) await analytics.refresh(Number(d.agentId), String(d.day));
    expectSame(numbers(await statRows()), rebuilt);
  });
});
