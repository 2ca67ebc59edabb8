import { WebVTTParser } from 'webvtt-parser';
import {
  DEMO_CRITERION_KEYS,
  DEMO_WEEKS,
  DemoCall,
  generateDemoContactCenter,
  renderWebVtt,
} from '../../src/demo/demo-data';
import type { TranscriptTurn } from '../../src/transcripts/transcript';

const center = generateDemoContactCenter();
const { calls } = center;

const HOLD_ANNOUNCEMENT = /잠시만 기다려|hold for a moment|holding for a minute|bear with me/i;
const GREETING_WORDS = /안녕|감사|thank|hello|\bhi\b|reached/i;
const APOLOGY = /죄송|미안|sorry|apolog/gi;
const VAGUE_NOTE =
  /확인 필요|문제 있음|막무가내|진상|check needed|problem exists|difficult|rude customer/i;

const firstAgentTurn = (call: DemoCall): TranscriptTurn =>
  call.transcript.turns.find((t) => t.speaker === 'agent')!;

const flagged = (key: string, value: boolean | null): DemoCall[] =>
  calls.filter((c) => c.behaviour[key] === value);

/** Silences of at least `minMs` between the end of everything so far and the next turn. */
function longGaps(turns: TranscriptTurn[], minMs = 15_000): { index: number; gap: number }[] {
  const gaps: { index: number; gap: number }[] = [];
  let latestEnd = 0;
  turns.forEach((turn, index) => {
    if (index > 0 && turn.startMs - latestEnd >= minMs)
      gaps.push({ index, gap: turn.startMs - latestEnd });
    latestEnd = Math.max(latestEnd, turn.endMs);
  });
  return gaps;
}

const announced = (turns: TranscriptTurn[], index: number): boolean =>
  turns.slice(Math.max(0, index - 2), index).some((t) => HOLD_ANNOUNCEMENT.test(t.text));

/** Agent turns that start at least 500 ms before the previous customer turn ends. */
const interruptions = (turns: TranscriptTurn[]): TranscriptTurn[] =>
  turns.filter(
    (t, i) =>
      i > 0 &&
      t.speaker === 'agent' &&
      turns[i - 1].speaker === 'customer' &&
      t.startMs <= turns[i - 1].endMs - 500,
  );

const agentApologies = (call: DemoCall): number =>
  call.transcript.turns
    .filter((t) => t.speaker === 'agent')
    .reduce((n, t) => n + (t.text.match(APOLOGY)?.length ?? 0), 0);

function passRate(agent: string, key: string): number {
  const values = calls
    .filter((c) => c.transcript.meta.agentExternalId === agent)
    .map((c) => c.behaviour[key])
    .filter((v) => v !== null);
  return values.filter(Boolean).length / values.length;
}

describe('generateDemoContactCenter', () => {
  it('is deterministic', () => {
    expect(generateDemoContactCenter()).toEqual(center);
    expect(generateDemoContactCenter({ seed: 7, calls: 20 })).toEqual(
      generateDemoContactCenter({ seed: 7, calls: 20 }),
    );
    expect(generateDemoContactCenter({ seed: 7, calls: 20 })).not.toEqual(
      generateDemoContactCenter({ seed: 8, calls: 20 }),
    );
  });

  it('has 2 teams, 8 agents A-001..A-008 (4 a team, 6 ko + 2 en) and 200 calls', () => {
    expect(center.teams).toHaveLength(2);
    expect(center.agents.map((a) => a.externalId)).toEqual(
      ['001', '002', '003', '004', '005', '006', '007', '008'].map((n) => `A-${n}`),
    );
    for (const team of center.teams) {
      expect(team.leadName).toBeTruthy();
      expect(center.agents.filter((a) => a.team === team.name)).toHaveLength(4);
    }
    expect(center.agents.filter((a) => a.language === 'ko')).toHaveLength(6);
    expect(center.agents.filter((a) => a.language === 'en')).toHaveLength(2);
    expect(calls).toHaveLength(200);
  });

  it('covers both languages and both channels (about 15 % chat)', () => {
    const metas = calls.map((c) => c.transcript.meta);
    expect(new Set(metas.map((m) => m.language))).toEqual(new Set(['ko', 'en']));
    const chats = metas.filter((m) => m.channel === 'chat').length;
    expect(chats).toBeGreaterThan(10);
    expect(chats).toBeLessThan(60);
    expect(metas.filter((m) => m.channel === 'voice').length).toBe(200 - chats);
  });

  it('fills the meta of every call', () => {
    const ids = calls.map((c) => c.transcript.meta.externalId);
    expect(ids[0]).toBe('DEMO-000001');
    expect(new Set(ids).size).toBe(200);
    const agentsById = new Map(center.agents.map((a) => [a.externalId, a]));
    const now = Date.parse('2026-11-20T18:00:00+09:00');
    for (const { transcript } of calls) {
      const m = transcript.meta;
      expect(m.source).toBe('demo');
      const agent = agentsById.get(m.agentExternalId!)!;
      expect(m).toMatchObject({
        agentName: agent.name,
        teamName: agent.team,
        language: agent.language,
      });
      expect(['billing', 'technical', 'orders', 'cancellations']).toContain(m.queue);
      expect(m.startedAt).toMatch(/^\d{4}-\d\d-\d\dT(09|1[0-7]):\d\d:\d\d\+09:00$/);
      const started = Date.parse(m.startedAt!);
      expect(started).toBeLessThan(now);
      expect(started).toBeGreaterThan(now - (DEMO_WEEKS * 7 + 1) * 86_400_000);
      expect(m.notes).toBeTruthy();
      const meta = m.metadata as { csat: number; fcr: boolean; disposition: string };
      expect(meta.csat).toBeGreaterThanOrEqual(1);
      expect(meta.csat).toBeLessThanOrEqual(5);
      expect(typeof meta.fcr).toBe('boolean');
      expect(meta.disposition).toBeTruthy();
    }
    const starts = calls.map((c) => Date.parse(c.transcript.meta.startedAt!));
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it('fills every criterion key of the behaviour', () => {
    for (const { behaviour, transcript } of calls) {
      expect(Object.keys(behaviour).sort()).toEqual([...DEMO_CRITERION_KEYS].sort());
      if (transcript.meta.channel === 'chat') expect(behaviour.no_interruptions).toBeNull();
    }
    // Angry customers (de-escalation applicable) in roughly 30 % of calls.
    const angry = calls.filter((c) => c.behaviour.deescalation !== null).length;
    expect(angry).toBeGreaterThan(35);
    expect(angry).toBeLessThan(90);
    for (const c of calls) {
      expect(c.behaviour.thanks_for_feedback === null).toBe(c.behaviour.deescalation === null);
    }
  });

  it('gives every call well-formed turns: 15–40, non-empty, times ordered', () => {
    for (const { transcript } of calls) {
      const { turns } = transcript;
      expect(turns.length).toBeGreaterThanOrEqual(15);
      expect(turns.length).toBeLessThanOrEqual(40);
      let previousStart = -1;
      for (const t of turns) {
        expect(t.text.trim()).not.toBe('');
        expect(t.startMs).toBeGreaterThanOrEqual(0);
        expect(t.endMs).toBeGreaterThanOrEqual(t.startMs);
        expect(t.startMs).toBeGreaterThan(previousStart);
        previousStart = t.startMs;
        if (transcript.meta.channel === 'chat') expect(t.endMs).toBe(t.startMs);
      }
    }
  });

  it('honours turnsPerCall exactly', () => {
    for (const n of [5, 20, 120]) {
      const { calls: some } = generateDemoContactCenter({ calls: 10, turnsPerCall: n });
      for (const c of some) expect(c.transcript.turns).toHaveLength(n);
    }
  });

  it('greets with company and name only when greeting is true', () => {
    expect(flagged('greeting', false).length).toBeGreaterThan(0);
    for (const call of calls) {
      const text = firstAgentTurn(call).text;
      if (call.behaviour.greeting) {
        expect(text).toMatch(/누리텔레콤|Nuri Telecom/);
        expect(text).toMatch(GREETING_WORDS);
        expect(text).toContain(call.transcript.meta.agentName!.split(' ')[0]);
      } else {
        expect(text).not.toMatch(/누리텔레콤|Nuri Telecom/);
        expect(text).not.toMatch(GREETING_WORDS);
      }
    }
  });

  it('leaves an unannounced silence of ≥ 15 s when hold etiquette fails', () => {
    expect(flagged('hold_etiquette', false).length).toBeGreaterThan(0);
    for (const call of flagged('hold_etiquette', false)) {
      const { turns } = call.transcript;
      expect(longGaps(turns).some((g) => !announced(turns, g.index))).toBe(true);
    }
    for (const call of flagged('hold_etiquette', true)) {
      const { turns } = call.transcript;
      expect(turns.some((t) => HOLD_ANNOUNCEMENT.test(t.text))).toBe(true);
      expect(longGaps(turns).some((g) => announced(turns, g.index))).toBe(true);
    }
  });

  it('has dead air exactly when no_dead_air is false', () => {
    for (const call of calls) {
      const { turns } = call.transcript;
      const unannounced = longGaps(turns).filter((g) => !announced(turns, g.index));
      expect(unannounced.length > 0).toBe(call.behaviour.no_dead_air === false);
    }
  });

  it('overlaps the customer only when the agent interrupts', () => {
    expect(flagged('no_interruptions', false).length).toBeGreaterThan(0);
    for (const call of flagged('no_interruptions', false)) {
      expect(interruptions(call.transcript.turns).length).toBeGreaterThan(0);
    }
    for (const call of calls.filter((c) => c.behaviour.no_interruptions !== false)) {
      const { turns } = call.transcript;
      turns.slice(1).forEach((t, i) => expect(t.startMs).toBeGreaterThanOrEqual(turns[i].endMs));
    }
  });

  it('apologises three or more times only when over-apologising', () => {
    expect(flagged('no_over_apology', false).length).toBeGreaterThan(0);
    for (const call of calls) {
      expect(agentApologies(call) >= 3).toBe(call.behaviour.no_over_apology === false);
    }
  });

  it('writes vague or judgemental notes only when notes_quality is false', () => {
    for (const call of calls) {
      expect(VAGUE_NOTE.test(call.transcript.meta.notes!)).toBe(!call.behaviour.notes_quality);
    }
    for (const call of flagged('notes_quality', true)) {
      expect(call.transcript.meta.notes).toMatch(/\d\d:\d\d/);
    }
  });

  it('uses the escape phrases only when no_escape is false', () => {
    const escape = /다른 부서로 돌려 드릴게요|다시 전화하셔야|transfer you|call another number/;
    for (const call of calls) {
      const said = call.transcript.turns.some((t) => t.speaker === 'agent' && escape.test(t.text));
      expect(said).toBe(call.behaviour.no_escape === false);
    }
  });

  it('gives the agents the patterns of their profiles', () => {
    expect(passRate('A-003', 'identity_verification')).toBeLessThan(
      passRate('A-002', 'identity_verification') - 0.4,
    );
    expect(passRate('A-005', 'no_interruptions')).toBeLessThan(
      passRate('A-002', 'no_interruptions') - 0.4,
    );
    expect(passRate('A-005', 'no_over_apology')).toBeLessThan(
      passRate('A-001', 'no_over_apology') - 0.4,
    );
    expect(passRate('A-007', 'notes_quality')).toBeLessThan(
      passRate('A-002', 'notes_quality') - 0.4,
    );
    expect(passRate('A-008', 'no_escape')).toBeLessThan(passRate('A-002', 'no_escape') - 0.2);
  });

  it('spreads the calls over 12 weeks, every agent in every third of them', () => {
    const now = Date.parse('2026-11-20T18:00:00+09:00');
    for (const agent of center.agents) {
      const ages = calls
        .filter((c) => c.transcript.meta.agentExternalId === agent.externalId)
        .map((c) =>
          Math.min(
            2,
            Math.floor((now - Date.parse(c.transcript.meta.startedAt!)) / (28 * 86_400_000)),
          ),
        );
      expect(new Set(ages)).toEqual(new Set([0, 1, 2]));
    }
  });

  it('gives each team a weakness every agent shares, the best agent too', () => {
    // Team 1 rarely asks "anything else?", team 2 rarely shows empathy: below 70 % for all.
    for (const [team, key] of [
      ['상담 1팀', 'anything_else'],
      ['상담 2팀', 'empathy'],
    ] as const) {
      const members = center.agents.filter((a) => a.team === team);
      const all = calls.filter((c) =>
        members.some((m) => m.externalId === c.transcript.meta.agentExternalId),
      );
      const done = all.map((c) => c.behaviour[key]).filter((v) => v !== null);
      expect(done.filter(Boolean).length / done.length).toBeLessThan(0.7);
    }
    // A-002, the best of team 1 elsewhere, is as weak as the team on it.
    expect(passRate('A-002', 'anything_else')).toBeLessThan(0.75);
    expect(passRate('A-002', 'identity_verification')).toBeGreaterThan(0.85);
  });
});

describe('renderWebVtt', () => {
  it('renders a valid WebVTT file with voice tags', () => {
    const voiceCall = calls.find((c) => c.transcript.meta.channel === 'voice')!;
    const chatCall = calls.find((c) => c.transcript.meta.channel === 'chat')!;
    for (const call of [voiceCall, chatCall]) {
      const vtt = renderWebVtt(call.transcript);
      expect(vtt.startsWith('WEBVTT')).toBe(true);
      expect(vtt).toContain('<v Agent>');
      expect(vtt).toContain('<v Customer>');
      expect(vtt).toMatch(/\n\d\d:\d\d:\d\d\.\d{3} --> \d\d:\d\d:\d\d\.\d{3}\n/);
      const parsed = new WebVTTParser().parse(vtt);
      expect(parsed.errors).toEqual([]);
      expect(parsed.cues).toHaveLength(call.transcript.turns.length);
    }
  });

  it('escapes markup and writes system turns', () => {
    const vtt = renderWebVtt({
      meta: {},
      turns: [
        { speaker: 'system', startMs: 0, endMs: 0, text: 'a <b> & c' },
        { speaker: 'agent', startMs: 3_723_004, endMs: 3_724_000, text: 'line\nbreak' },
      ],
    });
    expect(vtt).toBe(
      'WEBVTT\n\n1\n00:00:00.000 --> 00:00:00.001\n<v System>a &lt;b&gt; &amp; c\n\n' +
        '2\n01:02:03.004 --> 01:02:04.000\n<v Agent>line break\n',
    );
  });
});
