import {
  derivedFcr,
  kpiFact,
  kpiTable,
  readAfterCallWorkMs,
  readCsat,
  readFcr,
  readHoldMs,
  readTransferred,
  type KpiCallRow,
} from '../../../src/outcomes/kpi-facts';

const day = (d: string) => new Date(`${d}T00:00:00Z`);

describe('reading KPIs from a call’s metadata', () => {
  it('reads CSAT and FCR in the shapes sources send', () => {
    expect(readCsat({ csat: 4 })).toBe(4);
    expect(readCsat({ CSAT: ' 3 ' })).toBe(3);
    expect(readCsat({ csat: 'great' })).toBeNull();
    expect(readCsat(null)).toBeNull();
    expect(readFcr({ fcr: true })).toBe(true);
    expect(readFcr({ firstContactResolution: 'No' })).toBe(false);
    expect(readFcr({ fcr: 1 })).toBe(true);
    expect(readFcr({ fcr: 'maybe' })).toBeNull();
  });

  it('reads after-call work and hold in ms or seconds, and transfers three ways', () => {
    expect(readAfterCallWorkMs({ acwMs: 1500 })).toBe(1500);
    expect(readAfterCallWorkMs({ AfterContactWorkDuration: 12 })).toBe(12_000);
    expect(readAfterCallWorkMs({ acw: -3 })).toBeNull();
    expect(readHoldMs({ CustomerHoldDuration: '7' })).toBe(7000);
    expect(readTransferred({ transferred: false })).toBe(false);
    expect(readTransferred({ transfers: 2 })).toBe(true);
    expect(readTransferred({ disposition: 'resolved' })).toBe(false);
    expect(readTransferred({})).toBeNull();
  });
});

describe('derived FCR', () => {
  const contacts = [
    { interactionId: 1, startedAt: day('2026-10-01'), customerId: 'C' },
    { interactionId: 2, startedAt: day('2026-10-05'), customerId: 'C' },
    { interactionId: 3, startedAt: day('2026-10-20'), customerId: 'C' },
    { interactionId: 4, startedAt: day('2026-10-02'), customerId: null },
  ];

  it('is "not resolved" when the customer came back within the window', () => {
    const fcr = derivedFcr(contacts, 7, day('2026-12-01'));
    expect([...fcr.entries()]).toEqual([
      [1, false],
      [2, true],
      [3, true],
      [4, null],
    ]);
    expect(derivedFcr(contacts, 3, day('2026-12-01')).get(1)).toBe(true);
  });

  it('is unknown while the window is still open', () => {
    expect(derivedFcr(contacts, 7, day('2026-10-22')).get(3)).toBeNull();
  });
});

describe('the KPI table', () => {
  const row = (id: number, agent: string, extra: Partial<KpiCallRow> = {}): KpiCallRow => ({
    interactionId: id,
    externalId: `c${id}`,
    agentExternalId: agent,
    agentName: agent,
    teamId: 1,
    teamName: 'T',
    queue: null,
    channel: 'voice',
    startedAt: day('2026-10-05'),
    durationMs: 60_000,
    metadata: null,
    speechMs: 45_000,
    humanScore: null,
    autoScore: null,
    ...extra,
  });

  it('prefers the metadata’s FCR in auto mode and counts only what is known', () => {
    const derived = new Map([
      [1, false],
      [2, true],
    ]);
    const facts = [
      kpiFact(row(1, 'A', { metadata: { fcr: true } }), 'auto', derived),
      kpiFact(row(2, 'A'), 'auto', derived),
      kpiFact(row(3, 'B', { channel: 'chat' }), 'auto', derived),
    ];
    expect(facts.map((f) => [f.fcr, f.fcrSource])).toEqual([
      [true, 'metadata'],
      [true, 'derived'],
      [null, null],
    ]);
    expect(kpiFact(row(1, 'A', { metadata: { fcr: true } }), 'derived', derived).fcr).toBe(false);
    const { rows, total } = kpiTable(facts, 'agent');
    expect(rows.map((r) => [r.key, r.calls, r.fcr.n])).toEqual([
      ['A', 2, 2],
      ['B', 1, 0],
    ]);
    // Silence on voice only: 15 s of 60 s on each of the two voice calls.
    expect(total.silenceShare).toBeCloseTo(0.25, 12);
    expect(total.holdShare).toBeNull();
    expect(total.contactsPerHandledHour).toBeCloseTo(60, 9);
  });
});
