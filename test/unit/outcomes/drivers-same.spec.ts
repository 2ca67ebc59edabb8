/**
 * drivers() after the answer matrix (the calls' answer maps read once into calls × criteria)
 * gives what it gave before (drivers-before.ts, the old code), value for value: effects, ranks,
 * calls behind each side, tests and both models, on calls shaped like the bench's (20 criteria,
 * N/A, unknown keys, a criterion never failed, one listed twice).
 */
import { drivers, type DriverCall } from '../../../src/outcomes/drivers';
import * as before from './drivers-before';
import { createRng as random } from '../../../src/common/random';

const CRITERIA = [
  ...Array.from({ length: 20 }, (_, j) => ({ key: `k${j}`, label: `Criterion ${j}` })),
  { key: 'k3', label: 'Criterion 3 again' },
];

function calls(seed: number, n: number, fcr: boolean): DriverCall[] {
  const rnd = random(seed);
  return Array.from({ length: n }, (_, i) => {
    const answers = new Map<string, boolean>();
    for (let j = 0; j < 20; j++) {
      if (j === 7)
        answers.set('k7', true); // never fails: out of the model
      else if (rnd() > 0.1) answers.set(`k${j}`, rnd() < 0.55 + j * 0.02); // else N/A
    }
    if (i % 11 === 0) answers.set('not-a-criterion', false);
    const signal = (answers.get('k0') ? 1 : 0) + (answers.get('k5') ? 0.6 : 0) + rnd() * 2;
    return {
      interactionId: 1000 + i * 3,
      outcome: fcr ? signal > 1.6 : Math.min(5, Math.max(1, Math.round(1 + signal * 1.3))),
      answers,
    };
  });
}

describe('drivers keeps its results after the answer matrix', () => {
  it.each([
    [1, 150],
    [2, 800],
    [3, 4_000],
  ])('CSAT and FCR equal the previous code (seed %i, %i calls)', (seed, n) => {
    for (const fcr of [false, true]) {
      const list = calls(seed, n, fcr);
      const outcome = fcr ? 'fcr' : 'csat';
      const result = drivers(list, CRITERIA, outcome, 'auto');
      expect(result.model).not.toBeNull();
      expect(result).toEqual(before.drivers(list, CRITERIA, outcome, 'auto'));
    }
  });

  it('equal with no calls and with no criteria', () => {
    expect(drivers([], CRITERIA, 'csat', 'human')).toEqual(
      before.drivers([], CRITERIA, 'csat', 'human'),
    );
    const list = calls(4, 30, true);
    expect(drivers(list, [], 'fcr', 'human')).toEqual(before.drivers(list, [], 'fcr', 'human'));
  });
});
