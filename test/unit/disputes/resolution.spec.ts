import { loadConfig } from '../../../src/config/app-config';
import { disputeWindow } from '../../../src/disputes/dispute-window';
import {
  parseDisputedCriteria,
  parseOutcome,
  planResolution,
} from '../../../src/disputes/resolution';
import { InputError } from '../../../src/common/errors';
import { computeScore } from '../../../src/scoring/score-formula';
import { points, ScorecardBuilder } from '../../support/scorecard.builder';

const card = ScorecardBuilder.create()
  .passing(80)
  .section('script', 60, [
    { key: 'greeting' },
    { key: 'hold', naAllowed: true },
    { key: 'empathy', scale: { type: 'rating', min: 1, max: 5 } },
  ])
  .section('etiquette', 40, [
    { key: 'rude', critical: { scope: 'evaluation', failBelow: 1 } },
    { key: 'notes', scale: points(3) },
  ])
  .build();

const answers = [
  { criterionKey: 'greeting', value: 0 },
  { criterionKey: 'hold', value: 1 },
  { criterionKey: 'empathy', value: 3 },
  { criterionKey: 'rude', value: 0 },
  { criterionKey: 'notes', value: 2 },
];

function fieldOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (e) {
    if (e instanceof InputError) return e.field;
    throw e;
  }
  return undefined;
}

describe('the disputed criteria', () => {
  it('keeps known keys once, in the scorecard order', () => {
    expect(parseDisputedCriteria(card, ['notes', 'greeting', 'notes'])).toEqual([
      'greeting',
      'notes',
    ]);
  });

  it('names the unknown key and refuses an empty choice', () => {
    expect(() => parseDisputedCriteria(card, ['greeting', 'bogus'])).toThrow(/"bogus"/);
    expect(fieldOf(() => parseDisputedCriteria(card, []))).toBe('criteria');
    expect(fieldOf(() => parseDisputedCriteria(card, undefined))).toBe('criteria');
  });
});

describe('a resolution', () => {
  const disputed = ['greeting', 'hold', 'rude'];

  it('recomputes the score from the stored answers with the changed values', () => {
    const plan = planResolution(card, answers, disputed, 'changed', { greeting: 1, rude: 1 });
    expect(plan.changes).toEqual({ greeting: { from: 0, to: 1 }, rude: { from: 0, to: 1 } });
    const merged = Object.fromEntries(answers.map((a) => [a.criterionKey, { value: a.value }]));
    expect(plan.breakdown).toEqual(
      computeScore(card, { ...merged, greeting: { value: 1 }, rude: { value: 1 } }),
    );
    // The critical failure is gone: the score is no longer 0.
    expect(computeScore(card, merged).overall).toBe(0);
    expect(plan.breakdown!.overall).toBeGreaterThan(0);
  });

  it('lets N/A replace a value where the criterion allows it', () => {
    const plan = planResolution(card, answers, disputed, 'changed', { hold: null });
    expect(plan.changes).toEqual({ hold: { from: 1, to: null } });
  });

  it('ignores values that equal the current answer, and keeps the score when upheld', () => {
    expect(planResolution(card, answers, disputed, 'upheld', { greeting: 0 })).toEqual({
      changes: {},
      breakdown: null,
    });
    expect(planResolution(card, answers, disputed, 'upheld', undefined).breakdown).toBeNull();
  });

  it.each([
    [{ greeting: 2 }, 'changed', 'changes.greeting'],
    [{ greeting: 0.5 }, 'changed', 'changes.greeting'],
    [{ greeting: '1' }, 'changed', 'changes.greeting'],
    [{ greeting: null }, 'changed', 'changes.greeting'],
    [{ empathy: 5 }, 'changed', 'changes.empathy'],
    [{ bogus: 1 }, 'changed', 'changes.bogus'],
    [{ greeting: 0 }, 'changed', 'changes'],
    [{}, 'changed', 'changes'],
    [{ greeting: 1 }, 'upheld', 'outcome'],
  ] as const)('refuses %j as %s, naming %s', (changes, outcome, field) => {
    expect(fieldOf(() => planResolution(card, answers, disputed, outcome, changes))).toBe(field);
  });

  it('knows two outcomes', () => {
    expect(parseOutcome('changed')).toBe('changed');
    expect(fieldOf(() => parseOutcome('Changed'))).toBe('outcome');
  });
});

describe('the window to respond', () => {
  const submitted = new Date('2026-11-02T00:15:00Z');

  it('is open for the configured days from submission, counting days left up', () => {
    expect(disputeWindow(submitted, 7, new Date('2026-11-02T01:00:00Z'))).toEqual({
      closesAt: new Date('2026-11-09T00:15:00Z'),
      open: true,
      daysLeft: 7,
    });
    expect(disputeWindow(submitted, 7, new Date('2026-11-08T23:00:00Z')).daysLeft).toBe(1);
  });

  it('is closed from the moment it ends, and for an evaluation never submitted', () => {
    expect(disputeWindow(submitted, 7, new Date('2026-11-09T00:15:00Z'))).toMatchObject({
      open: false,
      daysLeft: 0,
    });
    expect(disputeWindow(null, 7)).toEqual({ closesAt: null, open: false, daysLeft: 0 });
  });
});

describe('DISPUTE_WINDOW_DAYS', () => {
  it('defaults to 7 days, takes 1 to 90, and names itself when wrong', () => {
    expect(loadConfig({}).disputeWindowDays).toBe(7);
    expect(loadConfig({ DISPUTE_WINDOW_DAYS: '30' }).disputeWindowDays).toBe(30);
    for (const bad of ['0', '91', 'seven']) {
      expect(() => loadConfig({ DISPUTE_WINDOW_DAYS: bad })).toThrow(/DISPUTE_WINDOW_DAYS/);
    }
  });
});
