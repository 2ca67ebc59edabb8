/**
 * Auto-QA reasons as codes: every code the engine can write has a Korean and an English entry,
 * the English entry reads exactly as the engine's English `reason`, and the Korean one has no
 * English words beyond what came from the call or the scorecard (phrases, step names).
 */
import { runAutoQa } from '../../../src/autoqa/engine';
import {
  REASON_CODES,
  REASON_PART_CODES,
  type ReasonParam,
  type ReasonParams,
} from '../../../src/autoqa/reason-codes';
import { reasonKey, storedReasonText } from '../../../src/common/i18n/auto-reason';
import en from '../../../src/common/i18n/locales/autoqa-reasons.en.json';
import ko from '../../../src/common/i18n/locales/autoqa-reasons.ko.json';
import type { CriterionResult } from '../../../src/autoqa/autoqa.types';
import { scoreSplit } from '../../support/autoqa-corpus';
import { autoCriterion, cardWith, turn } from './support';

const EN: Record<string, string> = en;
const KO: Record<string, string> = ko;

/** The texts taken from the call or the scorecard, which stay as they are in any language. */
function dataTexts(params: ReasonParams | undefined): string[] {
  const out: string[] = [];
  const visit = (value: ReasonParam): void => {
    if (typeof value === 'string') out.push(value);
    else if (Array.isArray(value)) value.forEach(visit);
    else if (typeof value === 'object') Object.values(value.params ?? {}).forEach(visit);
  };
  Object.values(params ?? {}).forEach(visit);
  return out;
}

function checkResult(c: CriterionResult, where: string): string[] {
  const problems: string[] = [];
  if (!(REASON_CODES as readonly string[]).includes(c.reasonCode))
    problems.push(`${where}: code ${c.reasonCode} is not in REASON_CODES`);
  const english = storedReasonText('en', c);
  if (english !== c.reason) problems.push(`${where}: en "${english}" ≠ reason "${c.reason}"`);
  let korean = storedReasonText('ko', c);
  for (const text of dataTexts(c.reasonParams)) korean = korean.split(text).join(' ');
  if (/[A-Za-z]{2,}|\{\w+\}/.test(korean)) problems.push(`${where}: ko "${korean}"`);
  return problems;
}

describe('auto-QA reason codes', () => {
  it('has a Korean and an English entry for every code and part', () => {
    const keys = [...REASON_CODES, ...REASON_PART_CODES, 'list.separator', 'list.lastSeparator'];
    const missing = keys
      .map(reasonKey)
      .filter((k) => typeof EN[k] !== 'string' || typeof KO[k] !== 'string');
    expect(missing).toEqual([]);
    // No stale entries either: every entry is a code or a part.
    const known = new Set(keys.map(reasonKey));
    expect(Object.keys(EN).filter((k) => !known.has(k))).toEqual([]);
    expect(Object.keys(KO).filter((k) => !known.has(k))).toEqual([]);
  });

  it('writes the English reason and a Korean one for every answer of the labelled calls', () => {
    const problems: string[] = [];
    const seen = new Set<string>();
    for (const call of scoreSplit('dev')) {
      for (const c of call.result.criteria) {
        seen.add(c.reasonCode);
        problems.push(...checkResult(c, `${call.file} ${c.key}`));
      }
    }
    expect(problems.slice(0, 20)).toEqual([]);
    // The corpus exercises most detectors' outcomes.
    expect(seen.size).toBeGreaterThan(25);
  });

  it('translates a reason whose parts are themselves translated (window, list, mismatch)', () => {
    const card = cardWith('ko', [
      autoCriterion('greet', {
        detector: 'phrases',
        anyOf: ['안녕하세요'],
        speaker: 'agent',
        window: { firstSeconds: 15 },
      }),
      autoCriterion('notes', { detector: 'notes', purpose: ['문의'], outcome: ['안내'] }),
    ]);
    const result = runAutoQa(
      {
        turns: [
          turn('agent', 0, 3, 'Hello, thank you for calling, how can I help you today?'),
          turn('customer', 3, 6, 'I would like to check my order please'),
          turn('agent', 6, 9, 'Sure, let me look at that for you right now'),
        ],
        channel: 'voice',
        language: 'ko',
        notes: '문의 내용 확인 후 배송 일정 안내 완료',
      },
      card,
    );
    const greet = result.criteria.find((c) => c.key === 'greet')!;
    expect(greet.reasonCode).toBe('languageMismatch');
    expect(storedReasonText('en', greet)).toBe(greet.reason);
    expect(storedReasonText('ko', greet)).toBe(
      '상담사는 영어로 말하지만 평가표는 한국어임: 목록 문구를 말한 처음 15초 동안의 상담사 발화 없음',
    );
    const notes = result.criteria.find((c) => c.key === 'notes')!;
    expect(storedReasonText('en', notes)).toBe(notes.reason);
    expect(notes.reason).toContain('the purpose and outcome');
    expect(storedReasonText('ko', notes)).toContain('상담 목적, 결과');
    for (const c of result.criteria) expect(checkResult(c, c.key)).toEqual([]);
  });

  it('shows an answer stored before codes existed as its English text', () => {
    expect(storedReasonText('ko', { reason: 'no agent turns in this transcript' })).toBe(
      'no agent turns in this transcript',
    );
    expect(storedReasonText('ko', { reason: 'x', reasonCode: 'no.such.code' })).toBe('x');
  });
});
