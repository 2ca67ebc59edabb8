import { readFileSync } from 'fs';
import { join } from 'path';
import { stringify } from 'yaml';
import { abuseFlagOf } from '../../../src/abuse/abuse-flag';
import { ABUSE_NA_REASON } from '../../../src/autoqa/abuse-protection';
import { runAutoQa } from '../../../src/autoqa/engine';
import { autoQaInput } from '../../../src/autoqa/input';
import { toSuggestedAnswers } from '../../../src/autoqa/suggestions';
import { autoReasonText } from '../../../src/common/i18n/display-text';
import { readPhraseLibraries } from '../../../src/scorecards/phrase-libraries';
import {
  parseScorecardYaml,
  ScorecardValidationError,
} from '../../../src/scorecards/scorecard-schema';
import { autoCriterion, cardWith, turn } from '../autoqa/support';

const SCORECARDS = join(__dirname, '../../../scorecards');

const abusive = [
  turn('agent', 0, 3, '안녕하세요, 고객센터 상담사 김하나입니다. 무엇을 도와드릴까요?'),
  turn('customer', 3, 8, '야 이 씨발 요금이 왜 이래 병신들아'),
  turn('agent', 8, 12, '죄송합니다 고객님, 바로 확인해 드리겠습니다.'),
  turn('customer', 12, 16, '너 목소리 기억했다 가만 안 둔다'),
  turn('agent', 16, 20, '확인 결과 다음 달 요금에서 차감해 드리겠습니다.'),
];
const calm = [
  turn('agent', 0, 3, '안녕하세요, 고객센터 상담사 김하나입니다.'),
  turn('customer', 3, 8, '요금이 이상하게 나왔어요.'),
  turn('agent', 8, 12, '죄송합니다, 바로 확인해 드리겠습니다.'),
];

/** A card whose `polite` criterion fails whenever the agent says 죄송 (any call here). */
function card(protectedKeys?: string[]) {
  const def = cardWith('ko', [
    autoCriterion('polite', { detector: 'forbidden', anyOf: ['죄송'] }),
    autoCriterion('greeted', { detector: 'phrases', anyOf: ['안녕하세요'] }),
  ]);
  return protectedKeys ? { ...def, abuseProtection: protectedKeys } : def;
}

function run(turns: typeof abusive, protectedKeys?: string[]) {
  const flag = abuseFlagOf(
    turns.map((t, seq) => ({ ...t, seq })),
    'ko',
  );
  const input = autoQaInput({ turns, channel: 'voice', language: 'ko', abuse: flag });
  return runAutoQa(input, card(protectedKeys));
}

describe('abuse flag as stored', () => {
  it('keeps the kinds and the turns by seq, never the words', () => {
    const flag = abuseFlagOf(
      abusive.map((t, i) => ({ ...t, seq: i + 10 })),
      'ko',
    );
    expect(flag).toEqual({
      flagged: true,
      categories: ['threat', 'profanity'],
      turns: [
        { seq: 11, category: 'profanity' },
        { seq: 13, category: 'threat' },
      ],
    });
    expect(JSON.stringify(flag)).not.toMatch(/씨발|병신|가만/);
  });

  it('a calm call is checked and not flagged', () => {
    expect(abuseFlagOf(calm, 'ko')).toEqual({ flagged: false, categories: [], turns: [] });
  });
});

describe('protected criteria on an abusive call', () => {
  it('are answered N/A with the reason and the abusive turns as evidence', () => {
    const result = run(abusive, ['polite']);
    const polite = result.criteria.find((c) => c.key === 'polite');
    expect(polite).toEqual({
      key: 'polite',
      result: 'na',
      reason: ABUSE_NA_REASON,
      reasonCode: 'abuseProtected',
      reasonParams: {},
      confidence: 1,
      needsReview: false,
      evidence: [
        { turn: 1, startMs: 3000, text: abusive[1].text },
        { turn: 3, startMs: 12000, text: abusive[3].text },
      ],
    });
    // A criterion the scorecard does not protect is scored as usual.
    expect(result.criteria.find((c) => c.key === 'greeted')?.result).toBe('pass');
    // N/A reaches the stored answers as "not applicable" (value null).
    const answers = toSuggestedAnswers(card(['polite']), result);
    expect(answers.find((a) => a.key === 'polite')).toMatchObject({
      value: null,
      suggestion: 'na',
    });
  });

  it('without the scorecard option, the same call is scored as usual', () => {
    expect(run(abusive).criteria.find((c) => c.key === 'polite')?.result).toBe('fail');
  });

  it('a calm call is scored as usual even on a protecting scorecard', () => {
    expect(run(calm, ['polite']).criteria.find((c) => c.key === 'polite')?.result).toBe('fail');
  });

  it('a call without a stored flag (abuse unknown) is scored as usual', () => {
    const input = autoQaInput({ turns: abusive, channel: 'voice', language: 'ko' });
    const result = runAutoQa(input, card(['polite']));
    expect(result.criteria.find((c) => c.key === 'polite')?.result).toBe('fail');
  });

  it('the reason reads in Korean and English', () => {
    expect(autoReasonText('en', ABUSE_NA_REASON)).toBe(
      'Customer abuse: not held against the agent',
    );
    expect(autoReasonText('ko', ABUSE_NA_REASON)).toBe(
      '고객 폭언: 상담사에게 불리하게 반영하지 않음',
    );
    // Other reasons are shown as stored.
    expect(autoReasonText('ko', 'no agent turns in this transcript')).toBe(
      'no agent turns in this transcript',
    );
  });
});

describe('abuseProtection in a scorecard file', () => {
  const base = (abuseProtection: unknown, na = true) => ({
    key: 'test-card',
    name: 'Test',
    language: 'ko',
    abuseProtection,
    sections: [
      {
        key: 'etiquette',
        label: 'Etiquette',
        criteria: [
          { key: 'polite', label: 'Polite', guidance: 'g', scale: 'yes_no', na },
          { key: 'greeted', label: 'Greeted', guidance: 'g', scale: 'yes_no' },
        ],
      },
    ],
  });
  const parse = (data: unknown) => parseScorecardYaml(stringify(data), 'test.yaml');
  const problem = (data: unknown) => {
    try {
      parse(data);
    } catch (e) {
      if (e instanceof ScorecardValidationError) return `${e.file}: ${e.path}: ${e.reason}`;
      throw e;
    }
    throw new Error('expected a validation error');
  };

  it('lists criterion keys', () => {
    expect(parse(base(['polite'])).abuseProtection).toEqual(['polite']);
    expect(parse({ ...base(undefined) }).abuseProtection).toBeUndefined();
  });

  it('refuses an unknown key, a criterion without N/A, a repeat and a non-list, with the path', () => {
    expect(problem(base(['rude']))).toBe(
      'test.yaml: abuseProtection[0]: no criterion "rude" in this scorecard',
    );
    expect(problem(base(['polite', 'greeted']))).toBe(
      'test.yaml: abuseProtection[1]: criterion "greeted" must allow N/A (na: true) to be answered N/A on an abusive call',
    );
    expect(problem(base(['polite', 'polite']))).toBe(
      'test.yaml: abuseProtection[1]: criterion "polite" is listed twice',
    );
    expect(problem(base('polite'))).toBe(
      'test.yaml: abuseProtection: must be a list of criterion keys (got string)',
    );
  });

  it.each(['voice-ko', 'voice-en', 'chat-ko', 'chat-en'])(
    'shipped %s protects its etiquette and de-escalation criteria, not rudeness or the rest',
    (name) => {
      const text = readFileSync(join(SCORECARDS, `${name}.yaml`), 'utf8');
      const def = parseScorecardYaml(text, `${name}.yaml`, readPhraseLibraries(SCORECARDS));
      expect(def.abuseProtection).toEqual([
        'no_interruptions',
        'no_over_apology',
        'positive_language',
        'thanks_for_feedback',
        'no_escape',
        'deescalation',
      ]);
      const section = (key: string) =>
        def.sections.find((s) => s.criteria.some((c) => c.key === key))?.key;
      for (const key of def.abuseProtection ?? []) {
        expect(['etiquette', 'de_escalation']).toContain(section(key));
      }
      expect(def.abuseProtection).not.toContain('no_rude_language');
    },
  );
});
