/**
 * Scorecard validation problems in the reader's language: every problem carries a message key
 * and params (`scorecard.problem.*`), a page words it with the criterion's key, the field path
 * and why, and both languages render completely — the Korean in Korean.
 */
import { stringify } from 'yaml';
import { validateAutoBlock } from '../../src/scorecard-schema/auto-block';
import en from '../../src/common/i18n/locales/errors.en.json';
import ko from '../../src/common/i18n/locales/errors.ko.json';
import { problemOf, problemText, problemWords } from '../../src/scorecard-schema/scorecard-problem';
import {
  parseScorecardYaml,
  ScorecardValidationError,
} from '../../src/scorecards/scorecard-schema';

const AUTO = 'sections[0].criteria[1].auto';

function thrown(run: () => unknown): ScorecardValidationError {
  try {
    run();
  } catch (err) {
    if (err instanceof ScorecardValidationError) return err;
    throw err;
  }
  throw new Error('expected a ScorecardValidationError');
}

const blockProblem = (block: unknown) =>
  thrown(() => validateAutoBlock(block, AUTO, 'voice-ko.yaml'));

/** A valid two-criterion scorecard; `edit` breaks it. */
function card(edit: (greeting: Record<string, unknown>) => void = () => undefined) {
  const greeting: Record<string, unknown> = {
    key: 'greeting',
    label: '첫인사',
    guidance: '회사명과 이름을 말한다',
    scale: 'yes_no',
    auto: { detector: 'phrases', anyOf: ['안녕하세요'] },
  };
  edit(greeting);
  return stringify({
    key: 'voice-ko',
    name: '음성 평가표',
    language: 'ko',
    sections: [
      {
        key: 'opening',
        label: '시작',
        criteria: [
          { key: 'identity', label: '본인 확인', guidance: '본인 확인', scale: '1-5' },
          greeting,
        ],
      },
    ],
  });
}

const cardProblem = (edit: (greeting: Record<string, unknown>) => void) =>
  thrown(() => parseScorecardYaml(card(edit), 'scorecards/voice-ko.yaml'));

/** Latin words a Korean message may keep: codes, field names and values of the file format. */
const CODE_WORDS = new Set(
  `YAML yaml JSON true false yes_no N na re en anyOf min mode announced maxAgentRatio evaluation
   section scope failBelow scorecards phrases autoQa phraseFamilies names`.split(/\s+/),
);

/** The English words left in a Korean text once its parameters (paths, values) are taken out. */
function englishWords(text: string, params: Record<string, string>): string[] {
  let rest = text;
  // Longest first, so that a short value (`a`) does not cut a path that contains it.
  const values = Object.values(params).sort((x, y) => y.length - x.length);
  for (const value of values) if (value) rest = rest.split(value).join(' ');
  return (rest.match(/[A-Za-z][A-Za-z_]*/g) ?? []).filter((w) => !CODE_WORDS.has(w));
}

describe('scorecard validation problems in the reader’s language', () => {
  it('a broken auto block gives its key and params, and reads in Korean with the criterion named', () => {
    const err = blockProblem({ detector: 'phrases', anyOf: ['안녕하세요', '  '] });
    expect(err.path).toBe(`${AUTO}.anyOf[1]`);
    expect(err.messageKey).toEqual({
      key: 'scorecard.problem.emptyPhrase',
      params: { got: '"  "' },
    });
    // The English reason (logs, CLI) is unchanged.
    expect(err.reason).toBe('must be a non-empty text (got "  ")');
    expect(problemText('ko', err.messageKey)).toBe('빈 문구는 쓸 수 없습니다 (입력: "  ")');

    const inCard = cardProblem((g) => {
      g.auto = { detector: 'phrases', anyOf: ['안녕하세요', ''] };
    });
    expect(inCard.criterion).toBe('greeting');
    expect(problemWords('ko', problemOf(inCard)).text).toBe(
      '항목 greeting의 auto.anyOf[1]: 빈 문구는 쓸 수 없습니다 (입력: "")',
    );
    expect(problemWords('en', problemOf(inCard)).text).toBe(
      'criterion greeting, auto.anyOf[1]: must be a non-empty text (got "")',
    );
  });

  it('names the kind of a wrong value in the reader’s language', () => {
    const err = blockProblem({ detector: 'silence', thresholdMs: 'fast', announce: { a: 1 } });
    expect(err.messageKey).toEqual({
      key: 'scorecard.problem.milliseconds',
      params: { got: '"fast"' },
    });
    const mapping = blockProblem({ detector: 'silence', announce: { a: 1 } });
    expect(mapping.path).toBe(`${AUTO}.announce`);
    expect(mapping.messageKey?.key).toBe('scorecard.problem.phraseList');
    expect(problemText('ko', mapping.messageKey)).toBe('문구의 목록이어야 합니다 (입력: 매핑)');
    expect(problemText('en', mapping.messageKey)).toBe('must be a list of phrases (got a mapping)');
  });

  it('a broken criterion gives its key and params with the criterion named', () => {
    const err = cardProblem((g) => {
      g.weight = 0;
    });
    expect(err.path).toBe('sections[0].criteria[1].weight');
    expect(err.criterion).toBe('greeting');
    expect(err.messageKey).toEqual({ key: 'scorecard.problem.positive', params: { got: '0' } });
    expect(problemWords('ko', problemOf(err)).text).toBe(
      '항목 greeting의 weight: 0보다 큰 숫자여야 합니다 (입력: 0)',
    );

    const scale = cardProblem((g) => {
      g.scale = '0-500';
    });
    expect(scale.messageKey).toEqual({
      key: 'scorecard.problem.points',
      params: { max: '100', got: '"0-500"' },
    });
    expect(problemText('ko', scale.messageKey)).toBe(
      '0-N의 N은 1에서 100 사이의 정수여야 합니다 (입력: "0-500")',
    );
  });

  it('a problem outside any criterion is named by its path', () => {
    const err = thrown(() =>
      parseScorecardYaml(card().replace('language: ko', 'language: fr'), 'x.yaml'),
    );
    expect(err.criterion).toBeUndefined();
    expect(problemWords('ko', problemOf(err)).text).toBe(
      'language: ko, en 중 하나여야 합니다 (입력: "fr")',
    );
  });

  // Each broken thing, from criteria to auto blocks and auto-QA settings.
  const broken: [string, () => ScorecardValidationError][] = [
    ['no detector', () => blockProblem({ anyOf: ['a'] })],
    ['unknown detector', () => blockProblem({ detector: 'magic' })],
    ['unknown field', () => blockProblem({ detector: 'phrases', anyOf: ['a'], often: 2 })],
    ['no anyOf', () => blockProblem({ detector: 'phrases', min: 1 })],
    ['min without anyOf', () => blockProblem({ detector: 'phrases', allOf: [['a']], min: 1 })],
    ['max below 1', () => blockProblem({ detector: 'phrases', anyOf: ['a'], max: 0 })],
    ['bad regex', () => blockProblem({ detector: 'phrases', anyOf: ['re:(a'] })],
    ['empty regex', () => blockProblem({ detector: 'phrases', anyOf: ['re:'] })],
    ['regex matching nothing', () => blockProblem({ detector: 'phrases', anyOf: ['re:a*'] })],
    ['bad family', () => blockProblem({ detector: 'phrases', anyOf: ['@Bad'] })],
    ['no words', () => blockProblem({ detector: 'phrases', anyOf: ['?!'] })],
    ['two windows', () => blockProblem({ detector: 'count', anyOf: ['a'], max: 1, window: { firstTurns: 1, lastTurns: 2 } })], // prettier-ignore
    ['unless missing', () => blockProblem({ detector: 'forbidden', anyOf: ['a'], unlessWithin: 2 })], // prettier-ignore
    ['ratios crossed', () => blockProblem({ detector: 'talk_ratio', minAgentRatio: 0.9, maxAgentRatio: 0.5 })], // prettier-ignore
    ['announce missing', () => blockProblem({ detector: 'silence', mode: 'announced' })],
    ['duplicate step', () => blockProblem({ detector: 'sequence', steps: [{ name: 'a', anyOf: ['x'] }, { name: 'a', anyOf: ['y'] }] })], // prettier-ignore
    ['no steps', () => blockProblem({ detector: 'sequence', steps: [] })],
    ['whole number', () => blockProblem({ detector: 'negativity', segments: 1.5 })],
    ['speaker', () => blockProblem({ detector: 'forbidden', anyOf: ['a'], speaker: 'boss' })],
    ['afterCondition', () => blockProblem({ detector: 'phrases', anyOf: ['a'], window: { afterCondition: 1 } })], // prettier-ignore
    ['missing label', () => cardProblem((g) => delete g.label)],
    ['bad key', () => cardProblem((g) => (g.key = 'Greeting'))],
    ['duplicate key', () => cardProblem((g) => (g.key = 'identity'))],
    ['bad scale', () => cardProblem((g) => (g.scale = 'stars'))],
    ['bad critical', () => cardProblem((g) => (g.critical = 3))],
    ['failBelow', () => cardProblem((g) => (g.critical = { scope: 'section', failBelow: 2 }))],
    ['na not boolean', () => cardProblem((g) => (g.na = 'yes'))],
    ['coaching phrases', () => cardProblem((g) => (g.coaching = { phrases: 'hi' }))],
    ['unknown family', () => cardProblem((g) => (g.auto = { detector: 'phrases', anyOf: ['@greet'] }))], // prettier-ignore
    ['YAML', () => thrown(() => parseScorecardYaml('key: [a\n', 'x.yaml'))],
    ['empty file', () => thrown(() => parseScorecardYaml('', 'x.yaml'))],
    ['abuse list', () => thrown(() => parseScorecardYaml(`${card()}abuseProtection: [nobody]\n`, 'x.yaml'))], // prettier-ignore
    ['autoQa settings', () => thrown(() => parseScorecardYaml(`${card()}autoQa: { reviewBelow: 2 }\n`, 'x.yaml'))], // prettier-ignore
  ];

  it.each(broken)('%s: a key in both languages, rendered without placeholders', (_, run) => {
    const err = run();
    const messageKey = err.messageKey;
    expect(messageKey.key).toMatch(/^scorecard\.problem\.\w+$/);
    expect(messageKey.key).not.toBe('scorecard.problem.asWritten');
    expect(Object.keys(ko)).toContain(messageKey.key);
    expect(Object.keys(en)).toContain(messageKey.key);
    const texts = { ko: problemText('ko', messageKey), en: problemText('en', messageKey) };
    expect(texts.en).toBe(err.reason);
    for (const text of Object.values(texts)) {
      expect(text).not.toMatch(/\{\w+\}/);
      expect(text).not.toContain('scorecard.');
    }
    expect(texts.ko).not.toBe(texts.en);
    // YAML's own detail (`detail`) is the parser's words; everything else is Korean.
    const { detail, ...shown } = messageKey.params ?? {};
    expect(englishWords(texts.ko.replace(detail ?? '', ''), shown)).toEqual([]);
  });

  it('every scorecard problem reads in Korean apart from codes and parameters', () => {
    const keys = Object.keys(ko).filter(
      (k) => k.startsWith('scorecard.problem.') || k.startsWith('scorecard.value.'),
    );
    expect(keys.length).toBeGreaterThan(60);
    const dict = ko as Record<string, string>;
    for (const key of keys) {
      const template = dict[key].replace(/\{\w+\}/g, ' ');
      expect({ key, words: englishWords(template, {}) }).toEqual({ key, words: [] });
    }
  });
});
