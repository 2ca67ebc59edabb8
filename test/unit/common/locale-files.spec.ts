/**
 * The locale files of one kind of text (auto-QA reasons, service refusals): each key in Korean
 * and in English, with the same `{params}`, and no key that the main files also define.
 */
import autoqaEn from '../../../src/common/i18n/locales/autoqa-reasons.en.json';
import autoqaKo from '../../../src/common/i18n/locales/autoqa-reasons.ko.json';
import en from '../../../src/common/i18n/locales/en.json';
import errorsEn from '../../../src/common/i18n/locales/errors.en.json';
import errorsKo from '../../../src/common/i18n/locales/errors.ko.json';
import { translate } from '../../../src/common/i18n/i18n';

const params = (text: string) => [...new Set(text.match(/\{\w+\}/g) ?? [])].sort();

describe.each([
  ['autoqa-reasons', autoqaEn as Record<string, string>, autoqaKo as Record<string, string>],
  ['errors', errorsEn as Record<string, string>, errorsKo as Record<string, string>],
])('locales/%s.*.json', (_name, english, korean) => {
  it('has every key in both languages with the same parameters', () => {
    expect(Object.keys(korean).sort()).toEqual(Object.keys(english).sort());
    for (const key of Object.keys(english))
      expect({ key, params: params(korean[key]) }).toEqual({ key, params: params(english[key]) });
  });

  it('defines no key the main locale files define, and is read by translate()', () => {
    const main = en as Record<string, string>;
    expect(Object.keys(english).filter((k) => k in main)).toEqual([]);
    const [key] = Object.keys(english);
    expect(translate('en', key)).toBe(english[key]);
    expect(translate('ko', key)).toBe(korean[key]);
  });
});
