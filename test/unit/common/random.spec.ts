import { createRng } from '../../../src/common/random';

describe('createRng', () => {
  it('is seedable and stays in [0, 1)', () => {
    const a = createRng(1);
    const b = createRng(1);
    const values = Array.from({ length: 1000 }, () => a());
    expect(values).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(new Set(values).size).toBeGreaterThan(990);
  });
});
