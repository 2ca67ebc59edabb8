import { answerPassed } from '../../src/scoring/answer-passed';
import type { Scale } from '../../src/scorecards/scorecard-definition';

describe('answerPassed', () => {
  const yesNo: Scale = { type: 'yes_no' };
  const rating: Scale = { type: 'rating', min: 1, max: 5 };
  const points = (max: number): Scale => ({ type: 'points', max });

  it.each<[string, Scale, number | null, boolean | null]>([
    ['yes', yesNo, 1, true],
    ['no', yesNo, 0, false],
    ['N/A', yesNo, null, null],
    ['rating 3', rating, 3, false],
    ['rating 4', rating, 4, true],
    ['rating 5', rating, 5, true],
    ['N/A rating', rating, null, null],
    ['8 of 10 (80 %)', points(10), 8, true],
    ['7 of 10', points(10), 7, false],
    ['12 of 15, though 0.8 × 15 = 12.000000000000002', points(15), 12, true],
    ['11 of 15', points(15), 11, false],
    ['2 of 3 (67 %)', points(3), 2, false],
    ['3 of 3', points(3), 3, true],
    ['4 of 5', points(5), 4, true],
  ])('%s', (_name, scale, value, expected) => {
    expect(answerPassed(scale, value)).toBe(expected);
  });

  it('fails a critical criterion below its threshold whatever the scale says', () => {
    expect(answerPassed(yesNo, 0, { failBelow: 1 })).toBe(false);
    expect(answerPassed(yesNo, 1, { failBelow: 1 })).toBe(true);
    expect(answerPassed(points(10), 8, { failBelow: 9 })).toBe(false);
    expect(answerPassed(points(10), 9, { failBelow: 9 })).toBe(true);
    // at or above failBelow the scale's threshold still applies
    expect(answerPassed(rating, 3, { failBelow: 3 })).toBe(false);
    expect(answerPassed(rating, 2, { failBelow: 3 })).toBe(false);
    expect(answerPassed(rating, null, { failBelow: 3 })).toBeNull();
  });
});
