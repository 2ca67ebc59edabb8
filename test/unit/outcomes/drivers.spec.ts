import { drivers, type DriverCall } from '../../../src/outcomes/drivers';

/** A made-up center where `solve` moves CSAT by 2 points and `greet` by nothing. */
function calls(n = 80): DriverCall[] {
  const list: DriverCall[] = [];
  for (let i = 0; i < n; i++) {
    const solve = i % 4 !== 0;
    // Independent of solve: constant over each block of 4 calls, where solve fails once.
    const greet = Math.floor(i / 4) % 2 === 0;
    const noise = [0, 1, -1, 0, 1][i % 5];
    list.push({
      interactionId: i,
      outcome: 2 + (solve ? 2 : 0) + noise * 0.5,
      answers: new Map([
        ['greet', greet],
        ['solve', solve],
      ]),
    });
  }
  return list;
}

const CRITERIA = [
  { key: 'greet', label: 'Greeting' },
  { key: 'solve', label: 'Solved' },
];

describe('drivers', () => {
  it('ranks the criterion that moves CSAT first and names the one that moves nothing', () => {
    const result = drivers(calls(), CRITERIA, 'csat', 'human');
    expect(result.effects.map((e) => e.criterionKey)).toEqual(['solve', 'greet']);
    const [solve, greet] = result.effects;
    expect(solve.clear).toBe(true);
    expect(solve.difference!.estimate).toBeCloseTo(2, 1);
    expect(solve.test!.test).toBe('welch_t');
    expect(greet.clear).toBe(false);
    expect(result.top).toEqual(['solve']);
    expect(result.none).toEqual(['greet']);
    expect(result.model!.kind).toBe('ols');
    const coefficient = result.model!.coefficients.find((c) => c.name === 'solve')!;
    expect(coefficient.estimate).toBeCloseTo(2, 1);
  });

  it('compares FCR rates with a proportion test and a logistic model', () => {
    const fcr = calls(400).map((c, i) => ({
      ...c,
      outcome: c.answers.get('solve') === true ? i % 10 !== 0 : i % 3 === 0,
    }));
    const result = drivers(fcr, CRITERIA, 'fcr', 'auto');
    const solve = result.effects.find((e) => e.criterionKey === 'solve')!;
    expect(solve.test!.test).toBe('two_proportion_z');
    expect(solve.clear).toBe(true);
    expect(result.model!.kind).toBe('logistic');
  });

  it('marks small groups and leaves a never-failed criterion out of the model', () => {
    const few = calls()
      .slice(0, 12)
      .map((c) => ({ ...c, answers: new Map([...c.answers, ['always', true]]) }));
    const result = drivers(few, [...CRITERIA, { key: 'always', label: 'Always' }], 'csat', 'human');
    const always = result.effects.find((e) => e.criterionKey === 'always')!;
    expect(always.failed.n).toBe(0);
    expect(always.difference).toBeNull();
    expect(result.effects.find((e) => e.criterionKey === 'solve')!.small).toBe(true);
    expect(result.model?.coefficients.map((c) => c.name) ?? []).not.toContain('always');
  });
});
