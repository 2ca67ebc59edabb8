import {
  answerLabel,
  kappaReading,
  sparkline,
  trendDirection,
} from '../../../src/calibration/calibration.view';

describe('reading a kappa (Landis & Koch)', () => {
  it.each([
    [-0.1, 'poor'],
    [0, 'slight'],
    [0.2, 'slight'],
    [0.21, 'fair'],
    [0.4, 'fair'],
    [0.41, 'moderate'],
    [0.6, 'moderate'],
    [0.61, 'substantial'],
    [0.8, 'substantial'],
    [0.81, 'almostPerfect'],
    [1, 'almostPerfect'],
  ])('%p reads as %p', (kappa, reading) => {
    expect(kappaReading(kappa)).toBe(reading);
  });

  it('has no reading when kappa is undefined', () => {
    expect(kappaReading(null)).toBeNull();
  });
});

describe('answer labels', () => {
  it('shows yes/no in the page language, numbers as they are, N/A and unanswered', () => {
    expect(answerLabel({ type: 'yes_no' }, 1, 'ko')).toBe('예');
    expect(answerLabel({ type: 'yes_no' }, 0, 'en')).toBe('No');
    expect(answerLabel({ type: 'points', max: 10 }, 6, 'en')).toBe('6');
    expect(answerLabel({ type: 'rating', min: 1, max: 5 }, null, 'ko')).toBe('N/A');
    expect(answerLabel({ type: 'yes_no' }, undefined, 'ko')).toBe('–');
  });
});

describe('deviation sparkline', () => {
  it('spreads the points across the width around a zero line, the largest deviation at the edge', () => {
    const line = sparkline([10, null, -5, 0], 100, 40)!;
    expect(line.zeroY).toBe(20);
    expect(line.dots).toEqual([
      { x: 4, y: 4, deviation: 10 },
      { x: 50, y: 28, deviation: -5 },
      { x: 96, y: 20, deviation: 0 },
    ]);
    expect(line.points).toBe('4,4 50,28 96,20');
  });

  it('keeps small deviations near the line and draws nothing without a point', () => {
    expect(sparkline([0.5], 100, 40)!.dots).toEqual([{ x: 50, y: 12, deviation: 0.5 }]);
    expect(sparkline([null, null])).toBeNull();
  });
});

describe('trend direction', () => {
  it('says closer when the mean |deviation| went down by more than half a point', () => {
    expect(trendDirection(-2)).toBe('closer');
    expect(trendDirection(0.3)).toBe('steady');
    expect(trendDirection(1)).toBe('further');
    expect(trendDirection(null)).toBeNull();
  });
});
