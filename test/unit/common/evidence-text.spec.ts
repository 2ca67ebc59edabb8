import type { Evidence } from '../../../src/autoqa/autoqa.types';
import { evidenceText } from '../../../src/common/i18n/evidence-text';

describe('auto-QA evidence in the reader language', () => {
  const gap: Evidence = { turn: 4, startMs: 61_000, text: '잠시만요', value: 45_000, unit: 'ms' };
  const source: Evidence = {
    turn: null,
    startMs: null,
    text: 'longest silence measured by the source',
    value: 12_340,
    unit: 'ms',
    measure: { code: 'sourceSilence' },
  };

  it('shows a pause in seconds, never as raw milliseconds', () => {
    const [ko] = evidenceText('ko', [gap]);
    const [en] = evidenceText('en', [gap]);
    expect(ko).toMatchObject({ text: '잠시만요', quoted: true, valueText: '45초' });
    expect(en.valueText).toBe('45 s');
  });

  it('names a measurement from the locale files instead of the engine English', () => {
    const [ko] = evidenceText('ko', [source]);
    expect(ko.quoted).toBe(false);
    expect(ko.text).toBe('원본 시스템이 측정한 가장 긴 침묵');
    expect(ko.valueText).toBe('12초'); // whole seconds from 10 s on
    expect(evidenceText('en', [source])[0].text).toBe('longest silence measured by the source');
  });

  it('reads a talk share as a percentage and a sentiment with its numbers', () => {
    const [share, mood] = evidenceText('ko', [
      {
        turn: null,
        startMs: null,
        text: 'x',
        value: 0.625,
        unit: 'ratio',
        measure: { code: 'talkRatio' },
      },
      {
        turn: null,
        startMs: null,
        text: 'y',
        value: -0.5,
        measure: { code: 'sourceSentiment', params: { start: 0, peak: -2, end: -0.5 } },
      },
    ]);
    expect(share.valueText).toBe('62.5%');
    expect(mood.text).toBe('원본 시스템이 측정한 고객 감정: 시작 0, 가장 나쁠 때 -2, 끝 -0.5');
    expect(mood.text).not.toMatch(/[A-Za-z]/);
  });

  it('reads evidence stored before items said their unit by the answer reason', () => {
    const old = { turn: 2, startMs: 1_000, text: '네', value: 9_500 };
    expect(evidenceText('ko', [old], 'silence.notThanked')[0].valueText).toBe('9.5초');
    expect(evidenceText('ko', [old], 'interruptions.found.one')[0].valueText).toBe('9.5초');
    // A matched phrase stays as written.
    expect(
      evidenceText('ko', [{ ...old, value: '기다려 주셔서' }], 'sequence.found')[0].valueText,
    ).toBe('기다려 주셔서');
  });

  it('marks the turn that made the criterion apply, and only that one', () => {
    const [because, judged] = evidenceText('en', [
      {
        turn: 1,
        startMs: 4_000,
        text: 'this is the third time',
        value: 'third time',
        condition: true,
      },
      {
        turn: 3,
        startMs: 9_000,
        text: 'thanks for letting us know',
        value: 'thanks for letting us know',
      },
    ]);
    expect(because.because).toBe(true);
    expect(because.quoted).toBe(true);
    expect(judged.because).toBeUndefined();
  });
});
