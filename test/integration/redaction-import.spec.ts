import type { Agent as TestAgent } from 'supertest';
import { FAKE_IDENTIFIERS } from '../support/fake-identifiers';
import { fixture, startTestApp, TestApp } from '../support/test-app';

interface TurnOut {
  speaker: string;
  text: string;
}

describe('redaction at import', () => {
  let t: TestApp;
  let http: TestAgent;
  beforeAll(async () => {
    t = await startTestApp({ AUTOQA: 'off', REDACTION_OFF_SOURCES: 'already-redacted' });
    http = await t.client();
  });
  afterAll(() => t.close());

  async function importCall(body: object, name: string) {
    const res = await http
      .post('/api/interactions/import')
      .attach('files', Buffer.from(JSON.stringify(body)), name)
      .expect(200);
    expect(res.body.results[0].status).toBe('imported');
    return (await http.get(`/api/interactions/${res.body.results[0].interactionId}`).expect(200))
      .body as { id: number; notes: string; turns: TurnOut[] };
  }

  it('stores only the redacted text, with typed masks, and keeps what is not personal data', async () => {
    const call = await importCall(
      JSON.parse(fixture('privacy', 'call-with-identifiers.json').toString('utf8')),
      'pii.json',
    );
    const texts = call.turns.map((turn) => turn.text);
    const stored = JSON.stringify(call);
    for (const value of FAKE_IDENTIFIERS) expect(stored).not.toContain(value);
    expect(texts[3]).toBe('홍길동이고 주민번호는 [주민번호]이에요');
    expect(texts.slice(5, 8)).toEqual(['[전화번호]', '네', '[전화번호]요']);
    expect(texts[9]).toBe('신한은행 [계좌번호]이요. 메일은 [이메일] 으로 주세요');
    expect(texts[11]).toBe('[카드번호] 이에요. 주소는 서울시 강남구 [주소]예요');
    expect(texts[13]).toBe('[인증번호]요');
    // The agent's request for ID, the amounts and the rest stay as said.
    expect(texts[2]).toContain('생년월일 말씀해 주시겠어요?');
    expect(texts[12]).toContain('89,000원 중 35,000원');
    expect(call.notes).toBe('고객 연락처 [전화번호], 환불 계좌 [계좌번호] 안내 완료');
  });

  it('records what was found where, never the value', async () => {
    const [row] = await t.dataSource.query<{ id: number }[]>(
      `SELECT "id" FROM "interactions" WHERE "externalId" = 'PII-0001'`,
    );
    const findings = await t.dataSource.query<
      { turnSeq: number | null; kind: string; startOffset: number; endOffset: number }[]
    >(
      `SELECT "turnSeq", "kind", "startOffset", "endOffset" FROM "redaction_findings" WHERE "interactionId" = ${row.id} ORDER BY "turnSeq", "startOffset"`,
    );
    const turns = await t.dataSource.query<{ seq: number; text: string }[]>(
      `SELECT "seq", "text" FROM "turns" WHERE "interactionId" = ${row.id}`,
    );
    const kinds = findings.filter((f) => f.turnSeq !== null).map((f) => f.kind);
    expect(kinds).toEqual([
      'resident_id',
      'phone',
      'phone',
      'account',
      'email',
      'card',
      'address',
      'one_time_code',
    ]);
    expect(findings.filter((f) => f.turnSeq === null).map((f) => f.kind)).toEqual([
      'phone',
      'account',
    ]);
    for (const f of findings.filter((x) => x.turnSeq !== null)) {
      const text = turns.find((turn) => turn.seq === f.turnSeq)!.text;
      expect(text.slice(f.startOffset, f.endOffset)).toMatch(/^\[.+\]$/);
    }
  });

  it('keeps a source redacted upstream as it comes, and an English call gets English masks', async () => {
    const upstream = await importCall(
      {
        externalId: 'UP-1',
        source: 'already-redacted',
        language: 'en',
        turns: [
          { speaker: 'agent', startMs: 0, endMs: 1000, text: 'May I have your card number?' },
          {
            speaker: 'customer',
            startMs: 1000,
            endMs: 2000,
            text: 'it is [PII], ref 4111 1111 1111 1111',
          },
        ],
      },
      'upstream.json',
    );
    expect(upstream.turns[1].text).toBe('it is [PII], ref 4111 1111 1111 1111');
    const english = await importCall(
      {
        externalId: 'EN-1',
        source: 'cloud',
        language: 'en',
        turns: [
          {
            speaker: 'agent',
            startMs: 0,
            endMs: 1000,
            text: 'Could you verify your phone number?',
          },
          {
            speaker: 'customer',
            startMs: 1000,
            endMs: 2000,
            text: 'sure, four one five, five five five, two six seven one',
          },
          { speaker: 'customer', startMs: 2000, endMs: 3000, text: 'and my card is [PII]' },
        ],
      },
      'english.json',
    );
    expect(english.turns.map((turn) => turn.text).slice(1)).toEqual([
      'sure, [PHONE]',
      'and my card is [PII]',
    ]);
  });
});
