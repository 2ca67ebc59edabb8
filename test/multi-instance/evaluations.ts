/**
 * Evaluations submitted through the proxy while an instance is killed (SIGKILL) and restarted:
 * each submit's side effects are owed by an outbox row committed with it, so none is lost —
 * every submitted evaluation's queue item ends done (one audit entry each) and the outbox
 * drains to nothing pending or failed.
 */
import assert from 'node:assert/strict';
import type { DataSource } from 'typeorm';
import type { ScorecardDefinition } from '../../src/scorecards/scorecard-definition';
import { bestAnswers } from '../support/answers';
import { Client, Instance, sleep, startInstance, stop, waitHealthy } from './cluster';

const SUBMITS = Number(process.env.MULTI_SUBMITS ?? 40);

export async function submitWhileKilling(
  admin: Client,
  through: (i: number) => string,
  victim: Instance,
  env: Record<string, string>,
  db: DataSource,
): Promise<void> {
  const version = (await (await admin.request('GET', '/api/scorecards/voice-ko')).json()) as {
    definition: ScorecardDefinition;
  };
  const answers = bestAnswers(version.definition);
  const rows = await db.query<{ id: number }[]>(
    `SELECT i.id FROM interactions i JOIN queue_items q ON q."interactionId" = i.id
     WHERE i."externalId" LIKE 'MULTI-%' AND q.status IN ('open', 'in_progress')
     ORDER BY i.id LIMIT ${SUBMITS}`,
  );
  assert.equal(rows.length, SUBMITS, 'enough queued calls to score');
  const submitted: number[] = [];
  let next = 0;
  const killer = (async () => {
    while (submitted.length < SUBMITS / 3) await sleep(20);
    await stop(victim, 'SIGKILL');
    console.log(`   instance ${victim.port} killed (SIGKILL) after ${submitted.length} submits`);
    await sleep(1500);
    startInstance(victim, env);
    await waitHealthy(victim.port, victim);
    console.log(`   instance ${victim.port} restarted`);
  })();
  await Promise.all(
    [0, 1, 2].map(async (c) => {
      const client = admin.at(through(c));
      for (let n = next++; n < rows.length; n = next++) {
        submitted.push(await scoreOne(client, Number(rows[n].id), answers));
      }
    }),
  );
  await killer;

  const ids = submitted.join(',');
  const drained = async () =>
    Number(
      (
        await db.query(
          `SELECT COUNT(*) AS n FROM outbox_events WHERE status <> 'done' OR "doneAt" IS NULL`,
        )
      )[0].n,
    ) === 0;
  for (const end = Date.now() + 60_000; !(await drained()); await sleep(500)) {
    assert.ok(Date.now() < end, 'the outbox drains (nothing pending or failed) within a minute');
  }
  const closed = Number(
    (
      await db.query(
        `SELECT COUNT(*) AS n FROM queue_items WHERE status = 'done' AND "evaluationId" IN (${ids})`,
      )
    )[0].n,
  );
  const audits = Number(
    (
      await db.query(
        `SELECT COUNT(*) AS n FROM audit_log a JOIN queue_items q ON a."entityId" = CAST(q.id AS varchar)
         WHERE a.action = 'queue_item.done' AND q."evaluationId" IN (${ids})`,
      )
    )[0].n,
  );
  console.log(`   ${submitted.length} submitted, ${closed} queue items closed, ${audits} audited`);
  assert.equal(closed, SUBMITS, 'every submitted evaluation closed its queue item');
  assert.equal(audits, SUBMITS, 'each closing audited once');
}

/**
 * A draft and its submit, sent again when the instance answering was killed: a submit that
 * committed before the kill answers "already submitted" the second time, which is fine.
 */
async function scoreOne(
  client: Client,
  interactionId: number,
  answers: { key: string; value: number }[],
): Promise<number> {
  let draft: { id: number; version: number } | null = null;
  for (let attempt = 1; ; attempt++) {
    try {
      if (!draft) {
        // Sent again after a kill, it answers with the draft the first attempt opened.
        const res = await client.request('POST', '/api/evaluations', {
          interactionId,
          scorecardKey: 'voice-ko',
        });
        const body = (await res.json()) as { id: number; version: number };
        if (res.status === 201 || res.status === 200) draft = body;
        else if (res.status < 500) throw new Error(`draft: ${res.status} ${JSON.stringify(body)}`);
      }
      if (draft) {
        const res = await client.request('POST', `/api/evaluations/${draft.id}/submit`, {
          version: draft.version,
          answers,
        });
        await res.arrayBuffer();
        if (res.status === 201) return draft.id;
        if (res.status === 409 || res.status === 423) {
          const now = (await (
            await client.request('GET', `/api/evaluations/${draft.id}`)
          ).json()) as {
            status: string;
          };
          if (now.status === 'submitted') return draft.id;
        }
        if (res.status < 500 && res.status !== 409 && res.status !== 423) {
          throw new Error(`submit ${draft.id}: ${res.status}`);
        }
      }
    } catch (e) {
      if (attempt >= 8 || (e instanceof Error && /^(draft|submit)/.test(e.message))) throw e;
    }
    await sleep(300 * attempt);
  }
}
