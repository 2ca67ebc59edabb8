/**
 * The time-zone round trip, run as its own process so that the process's TZ is the one given
 * (test/integration/time-zone.spec.ts runs it with TZ=UTC and TZ=Asia/Seoul; Jest cannot change
 * the zone of its own process). The whole app in this process, on a fresh SQLite file: a team lead
 * schedules a feedback session for 14:30 with the form, then what is stored, shown, sent to the
 * agent and exported is printed as one JSON line on stdout.
 */
import { FeedbackSession } from '../../src/coaching/entities/feedback-session.entity';
import { ScorecardsService } from '../../src/scorecards/scorecards.service';
import { bestAnswers } from './answers';
import { fixture, startTestApp, type TestApp, TEST_USERS } from './test-app';

/**
 * A call of agent A-017 (team 요금상담 1팀) started 2026-11-02 09:15 Korean time and scored once,
 * the team's lead (lead@tz.local) and the agent's account (agent@tz.local), and a coaching plan
 * for the agent, shared with them.
 */
export async function seedSharedPlan(
  t: TestApp,
): Promise<{ planId: number; interactionId: number }> {
  const evaluator = await t.client(TEST_USERS.evaluator);
  const imported = await evaluator
    .post('/api/interactions/import')
    .attach('files', fixture('transcripts', 'call-ko.json'), 'call-ko.json')
    .expect(200);
  const interactionId = imported.body.results[0].interactionId as number;
  const draft = (
    await evaluator
      .post('/api/evaluations')
      .send({ interactionId, scorecardKey: 'voice-ko' })
      .expect(201)
  ).body;
  const definition = (await t.app.get(ScorecardsService).current('voice-ko')).definition;
  await evaluator
    .post(`/api/evaluations/${draft.id}/submit`)
    .send({ version: draft.version, answers: bestAnswers(definition) })
    .expect(201);
  await t.createUser({
    email: 'lead@tz.local',
    name: '팀장',
    role: 'team_lead',
    teams: ['요금상담 1팀'],
  });
  await t.createUser({
    email: 'agent@tz.local',
    name: '김민지',
    role: 'agent',
    agentExternalId: 'A-017',
  });
  const lead = await t.client('lead@tz.local');
  const plan = (
    await lead
      .post('/api/coaching/plans')
      .send({ agent: 'A-017', from: '2026-10-01', to: '2026-11-30', scorecard: 'voice-ko' })
      .expect(201)
  ).body as { id: number };
  await lead.post(`/coaching/${plan.id}/share`).type('form').send({}).expect(303);
  return { planId: plan.id, interactionId };
}

async function main() {
  const t = await startTestApp({ AUTOQA: 'off' });
  try {
    const { planId, interactionId } = await seedSharedPlan(t);
    const lead = await t.client('lead@tz.local');
    const agent = await t.client('agent@tz.local');
    const plan = { id: planId };
    // The form's datetime-local value, as Chromium sends it: no zone.
    await lead
      .post(`/coaching/${plan.id}/sessions`)
      .type('form')
      .send({ scheduledAt: '2026-12-24T14:30' })
      .expect(303);
    const session = await t.dataSource
      .getRepository(FeedbackSession)
      .findOneByOrFail({ planId: plan.id });
    // What the database holds, as text: UTC on both databases, whatever the process's TZ.
    const [raw] = await t.dataSource.query<{ at: string }[]>(
      `SELECT CAST("scheduledAt" AS TEXT) AS "at" FROM "feedback_sessions" WHERE "id" = ${session.id}`,
    );
    const page = async (lang: string) =>
      (
        await lead
          .get(`/coaching/${plan.id}`)
          .set('Accept', 'text/html')
          .set('Accept-Language', lang)
          .expect(200)
      ).text;
    const heading = (html: string) => /<h3>([^<]*)·/.exec(html)?.[1].trim() ?? null;
    const pageEn = await page('en');
    const pageKo = await page('ko');
    // Not held before its time.
    const early = await lead
      .post(`/coaching/sessions/${session.id}`)
      .type('form')
      .send({ commitments: 'too early' });
    const notices = (
      await agent
        .get('/notifications')
        .set('Accept', 'text/html')
        .set('Accept-Language', 'ko')
        .expect(200)
    ).text;
    const csv = (
      await lead.get(`/analytics/agents/A-017/calls.csv?from=2026-10-01&to=2026-11-30`).expect(200)
    ).text;
    const api = (await lead.get(`/api/interactions/${interactionId}`).expect(200)).body as {
      startedAt: string;
    };
    const out = {
      processZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      stored: session.scheduledAt.toISOString(),
      storedText: raw.at,
      shownEn: heading(pageEn),
      shownKo: heading(pageKo),
      recordFromShown: /id="not-yet-\d+"/.test(pageEn),
      earlyStatus: early.status,
      earlyMessage: (early.body as { message?: string }).message ?? early.text,
      notice: /피드백 세션이 [^<]*예약되었습니다/.exec(notices)?.[0] ?? null,
      csvStartedAt: /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}/.exec(csv)?.[0] ?? null,
      apiStartedAt: api.startedAt,
    };
    process.stdout.write(`${JSON.stringify(out)}\n`);
  } finally {
    await t.close();
  }
}

if (require.main === module) {
  main().catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  });
}
