import {
  AnswerValidationError,
  computeScore,
  missingAnswers,
} from '../../src/scoring/score-formula';
import { points, ScorecardBuilder } from '../support/scorecard.builder';

describe('score formula', () => {
  it('reproduces the Genesys Cloud example: (1·40 + 1·20) / (2·40 + 1·20) = 60 %', () => {
    // Three question groups weighted 40, 40 and 20; the first and the last fully earned.
    const card = ScorecardBuilder.create()
      .section('a', 40, [{ key: 'a1' }])
      .section('b', 40, [{ key: 'b1' }])
      .section('c', 20, [{ key: 'c1' }])
      .build();
    const result = computeScore(card, { a1: { value: 1 }, b1: { value: 0 }, c1: { value: 1 } });
    expect(result.overall).toBe(60);
    expect(result.sections.map((s) => s.score)).toEqual([100, 0, 100]);
    expect(result.passed).toBe(false);
  });

  const connect = ScorecardBuilder.create()
    .section('q1', 40, [{ key: 'q1', scale: points(10) }])
    .section('q2', 20, [{ key: 'q2', scale: points(10) }])
    .section('q3', 20, [{ key: 'q3', scale: points(10) }])
    .section('q4', 20, [{ key: 'q4', scale: points(10), naAllowed: true }])
    .build();

  it('reproduces the Amazon Connect example: weights 40/20/20/20, answers 10/5/5/0 of 10 = 60 %', () => {
    const result = computeScore(connect, {
      q1: { value: 10 },
      q2: { value: 5 },
      q3: { value: 5 },
      q4: { value: 0 },
    });
    expect(result.overall).toBe(60);
  });

  it('redistributes the weight of an N/A question: 75 % when the last one is N/A', () => {
    const result = computeScore(connect, {
      q1: { value: 10 },
      q2: { value: 5 },
      q3: { value: 5 },
      q4: { value: null },
    });
    expect(result.overall).toBe(75);
    expect(result.sections[3]).toMatchObject({ score: null, earned: 0, possible: 0 });
  });

  it('section score is earned / possible over applicable criteria, with criterion weights', () => {
    const card = ScorecardBuilder.create()
      .section('s', 1, [
        { key: 'yes' },
        { key: 'rating', scale: { type: 'rating', min: 1, max: 5 }, weight: 2 },
        { key: 'na', naAllowed: true },
      ])
      .build();
    const result = computeScore(card, {
      yes: { value: 1 },
      rating: { value: 4 },
      na: { value: null },
    });
    // (1 + 4·2) / (1 + 5·2) = 9 / 11
    expect(result.sections[0].earned).toBe(9);
    expect(result.sections[0].possible).toBe(11);
    expect(result.overall).toBe(81.82);
    expect(result.passed).toBe(true);
  });

  it('a failed critical criterion with scope "evaluation" zeroes the overall score', () => {
    const card = ScorecardBuilder.create()
      .section('etiquette', 50, [
        { key: 'rude', critical: { scope: 'evaluation', failBelow: 1 } },
        { key: 'x' },
      ])
      .section('other', 50, [{ key: 'y' }])
      .build();
    const result = computeScore(card, { rude: { value: 0 }, x: { value: 1 }, y: { value: 1 } });
    expect(result.criticalFailed).toBe(true);
    expect(result.overall).toBe(0);
    expect(result.passed).toBe(false);
    // The section keeps its own score; only the overall is forced to 0.
    expect(result.sections[1].score).toBe(100);
  });

  it('a failed critical criterion with scope "section" zeroes only its section', () => {
    const card = ScorecardBuilder.create()
      .section('identity', 50, [
        { key: 'id', critical: { scope: 'section', failBelow: 1 } },
        { key: 'x' },
      ])
      .section('other', 50, [{ key: 'y' }])
      .build();
    const result = computeScore(card, { id: { value: 0 }, x: { value: 1 }, y: { value: 1 } });
    expect(result.criticalFailed).toBe(false);
    expect(result.sections[0]).toMatchObject({ score: 0, criticalFailed: true });
    expect(result.overall).toBe(50);
  });

  it('a critical criterion answered N/A does not fail', () => {
    const card = ScorecardBuilder.create()
      .section('s', 1, [
        { key: 'id', naAllowed: true, critical: { scope: 'evaluation', failBelow: 1 } },
        { key: 'x' },
      ])
      .build();
    expect(computeScore(card, { id: { value: null }, x: { value: 1 } }).overall).toBe(100);
  });

  it('refuses values outside the scale, N/A where not allowed and unknown keys, naming the key', () => {
    const card = ScorecardBuilder.create()
      .section('s', 1, [{ key: 'g' }, { key: 'p', scale: points(5) }])
      .build();
    const field = (answers: Parameters<typeof computeScore>[1]) => {
      try {
        computeScore(card, answers);
      } catch (e) {
        return e instanceof AnswerValidationError ? `${e.field}: ${e.reason}` : String(e);
      }
      return 'no error';
    };
    expect(field({ g: { value: 2 } })).toMatch(/^g: value 2 is outside the scale/);
    expect(field({ p: { value: 2.5 } })).toMatch(/^p: value 2.5 is outside/);
    expect(field({ g: { value: null } })).toBe('g: N/A is not allowed for this criterion');
    expect(field({ nope: { value: 1 } })).toBe('nope: unknown criterion for this scorecard');
  });

  it('gives no overall score when nothing applies, and lists what is missing', () => {
    const card = ScorecardBuilder.create()
      .section('s', 1, [{ key: 'a', naAllowed: true }, { key: 'b' }])
      .build();
    expect(computeScore(card, { a: { value: null } }).overall).toBeNull();
    expect(missingAnswers(card, { a: { value: null } })).toEqual(['b']);
  });
});
