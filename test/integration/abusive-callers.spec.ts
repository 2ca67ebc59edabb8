import type { Agent as TestAgent } from 'supertest';
import { startTestApp, TestApp } from '../support/test-app';

describe('abusive callers on the replay page', () => {
  let t: TestApp;
  let http: TestAgent;
  beforeAll(async () => {
    t = await startTestApp({ AUTOQA: 'off' });
    http = await t.client();
  });
  afterAll(() => t.close());

  async function replayOf(externalId: string, lines: [string, string][]): Promise<string> {
    const call = {
      externalId,
      language: 'ko',
      turns: lines.map(([speaker, text], i) => ({
        speaker,
        startMs: i * 1000,
        endMs: i * 1000 + 900,
        text,
      })),
    };
    const res = await http
      .post('/api/interactions/import')
      .attach('files', Buffer.from(JSON.stringify(call)), `${externalId}.json`)
      .expect(200);
    const id = res.body.results[0].interactionId as number;
    return (await http.get(`/interactions/${id}`).set('Accept', 'text/html').expect(200)).text;
  }

  it('flags a call where the caller threatens the agent, linking the turn', async () => {
    const page = await replayOf('ABUSE-1', [
      ['agent', '안녕하세요, 한빛통신입니다.'],
      ['customer', '요금 왜 이렇게 나왔어요?'],
      ['agent', '확인해 보니 해외 로밍 요금입니다.'],
      ['customer', '너 목소리 기억했다, 가만 안 둔다'],
    ]);
    expect(page).toContain('id="abuse-flag"');
    expect(page).toContain('고객 폭언·위협이 감지된 통화입니다.');
    expect(page).toContain('<a href="#turn-3">4번째 발화</a> · 위협');
  });

  it('shows nothing for an angry caller who does not abuse the agent', async () => {
    const page = await replayOf('ANGRY-1', [
      ['agent', '안녕하세요, 한빛통신입니다.'],
      ['customer', '정말 화가 나네요. 세 번째 전화하는 거예요. 전원이 계속 꺼져요'],
    ]);
    expect(page).not.toContain('id="abuse-flag"');
  });
});
