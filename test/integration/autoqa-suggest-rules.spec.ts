import type { Agent as TestAgent } from 'supertest';
import * as path from 'path';
import { AutoQaService } from '../../src/autoqa/autoqa.service';
import { formatProposals, suggestRulesCommand } from '../../src/cli/suggest-rules-command';
import { bestAnswers } from '../support/answers';
import { FIXTURES, startTestApp, TestApp } from '../support/test-app';

const DEV = path.join(FIXTURES, 'autoqa-corpus', 'dev');
const EMPATHY = '저라도 정말 속이 터졌을 것 같아요. 바로 확인해 드릴게요.';

/** A call where the agent's empathy is worded in a way the shipped phrases do not know. */
function call(externalId: string, empathy: string) {
  const lines: [string, string][] = [
    ['agent', '안녕하세요, 한빛통신 상담사 김민지입니다. 무엇을 도와드릴까요?'],
    ['customer', '요금이 두 배로 나왔어요. 정말 화가 나네요.'],
    ['agent', empathy],
    ['customer', '네, 빨리 좀 봐 주세요.'],
    [
      'agent',
      '확인해 보니 로밍 요금이 잘못 부과되어 취소해 드렸습니다. 더 궁금하신 점 있으실까요?',
    ],
    ['customer', '아니요, 없어요.'],
    ['agent', '감사합니다. 좋은 하루 되세요.'],
  ];
  return {
    externalId,
    channel: 'voice',
    language: 'ko',
    agent: { externalId: 'A-555', name: '김민지' },
    turns: lines.map(([speaker, text], i) => ({
      speaker,
      startMs: i * 6000,
      endMs: i * 6000 + 5000,
      text,
    })),
  };
}

describe('npm run cli -- autoqa suggest-rules: learning from the evaluators', () => {
  let t: TestApp;
  let http: TestAgent;
  const withApp = <T>(fn: (app: TestApp['app']) => Promise<T>) => fn(t.app);

  beforeAll(async () => {
    t = await startTestApp();
    http = await t.client();
  });
  afterAll(() => t.close());

  it('says there is nothing to learn from before any override', async () => {
    const out = await suggestRulesCommand(withApp, 'voice-ko', DEV);
    expect(out).toMatchObject({ pinned: 0, proposals: [] });
    expect(formatProposals('voice-ko', out)).toContain('nothing to learn from');
  });

  it('proposes the words the pinned turns share, measured on the dev split, and changes nothing', async () => {
    const wordings = [EMPATHY, '아이고, 저라도 속이 터졌을 거예요. 제가 바로 봐 드릴게요.'];
    for (const [i, wording] of wordings.entries()) {
      const res = await http
        .post('/api/interactions/import')
        .attach('files', Buffer.from(JSON.stringify(call(`SR-${i}`, wording))), `sr-${i}.json`)
        .expect(200);
      const interactionId = res.body.results[0].interactionId;
      await t.app.get(AutoQaService).drain();
      const draft = (
        await http
          .post('/api/evaluations')
          .send({ interactionId, scorecardKey: 'voice-ko' })
          .expect(201)
      ).body;
      const empathy = draft.answers.find(
        (a: { criterionKey: string }) => a.criterionKey === 'empathy',
      );
      expect(empathy).toMatchObject({ suggestion: 'fail' }); // the machine missed it
      const answers: { key: string; value: number; comment?: string; turnIndex?: number }[] =
        bestAnswers(draft.scorecardVersion.definition);
      Object.assign(
        answers.find((a) => a.key === 'empathy')!,
        {
          value: 5,
          comment: '공감 표현이 있습니다',
          turnIndex: 2,
        },
      );
      await http
        .post(`/api/evaluations/${draft.id}/submit`)
        .send({ version: draft.version, answers })
        .expect(201);
    }

    const out = await suggestRulesCommand(withApp, 'voice-ko', DEV);
    expect(out.pinned).toBe(2);
    const empathy = out.proposals.filter((p) => p.criterionKey === 'empathy');
    expect(empathy[0]).toMatchObject({
      target: '@empathy',
      phrase: '속이 터졌을',
      support: 2,
      pinned: 2,
      corpus: { calls: expect.any(Number), before: expect.any(Number), after: expect.any(Number) },
    });
    expect(empathy[0].corpus!.calls).toBeGreaterThanOrEqual(20);
    const text = formatProposals('voice-ko', out);
    expect(text).toContain('empathy — add to @empathy (2 pinned turns it missed)');
    expect(text).toMatch(/"속이 터졌을"\s+in 2 pinned turns; dev \d+\/\d+ → \d+\/\d+/);
    // Nothing changed: the scorecard is still on its first version.
    const cards = (await http.get('/api/scorecards').expect(200)).body;
    const voiceKo = cards.find((s: { key: string }) => s.key === 'voice-ko');
    expect(voiceKo.currentVersion.version).toBe(1);
  });
});
