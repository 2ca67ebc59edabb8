import {
  byConcurrency,
  chatFacts,
  responseSeconds,
  weeklyBestWorst,
} from '../../../src/outcomes/chat';
import type { KpiFact } from '../../../src/outcomes/kpi-facts';

const fact = (
  id: number,
  agent: string,
  start: string,
  minutes: number,
  score: number | null,
): KpiFact => ({
  interactionId: id,
  externalId: `c${id}`,
  agentExternalId: agent,
  agentName: agent,
  teamId: 1,
  teamName: 'T',
  queue: null,
  channel: 'chat',
  startedAt: new Date(start),
  week: '2026-W41',
  handleMs: minutes * 60_000,
  durationMs: minutes * 60_000,
  holdMs: null,
  silenceMs: null,
  transferred: null,
  csat: id,
  fcr: null,
  fcrSource: null,
  humanScore: score,
  autoScore: null,
  metadata: null,
});

describe('chat concurrency', () => {
  it('counts the same agent’s chats open at the same time', () => {
    const facts = [
      fact(1, 'A', '2026-10-05T01:00:00Z', 10, 90), // overlaps 2 and 3
      fact(2, 'A', '2026-10-05T01:05:00Z', 10, 70), // overlaps 1, 3 and 4
      fact(3, 'A', '2026-10-05T01:09:00Z', 2, 50), // overlaps 1 and 2
      fact(4, 'A', '2026-10-05T01:14:00Z', 5, 80), // overlaps 2 only
      fact(5, 'B', '2026-10-05T01:00:00Z', 30, null), // another agent: alone
    ];
    const chats = chatFacts(facts, [
      { interactionId: 1, speaker: 'customer', startMs: 0, endMs: 1000 },
      { interactionId: 1, speaker: 'agent', startMs: 5000, endMs: 6000 },
      { interactionId: 1, speaker: 'customer', startMs: 7000, endMs: 8000 },
      { interactionId: 1, speaker: 'agent', startMs: 9000, endMs: 9500 },
    ]);
    expect(chats.map((c) => c.concurrency)).toEqual([3, 4, 3, 2, 1]);
    expect(chats[0].responseSeconds).toBe(2.5); // (4 s + 1 s) / 2
    expect(chats[1].responseSeconds).toBeNull();
    const levels = byConcurrency(chats);
    expect(levels.map((l) => [l.level, l.chats, l.qaScore.mean])).toEqual([
      ['1', 1, null],
      ['2', 1, 80],
      ['3+', 3, 70],
    ]);
    const [week] = weeklyBestWorst(chats, 2);
    expect(week.best.map((c) => c.interactionId)).toEqual([1, 4]);
    expect(week.worst.map((c) => c.interactionId)).toEqual([3, 2]);
  });

  it('has no response time without a customer message answered', () => {
    expect(
      responseSeconds([{ interactionId: 1, speaker: 'agent', startMs: 0, endMs: 1 }]),
    ).toBeNull();
  });
});
