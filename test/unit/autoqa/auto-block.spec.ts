/** validateAutoBlock: strict checks with exact paths, and its use by the scorecard loader. */
import { stringify } from 'yaml';
import { validateAutoBlock } from '../../../src/scorecard-schema/auto-block';
import {
  parseScorecardYaml,
  ScorecardValidationError,
} from '../../../src/scorecards/scorecard-schema';

const PATH = 'sections[0].criteria[2].auto';

function problem(block: unknown): { path: string; reason: string; file: string } {
  try {
    validateAutoBlock(block, PATH, 'voice-ko.yaml');
  } catch (err) {
    if (err instanceof ScorecardValidationError) {
      return { path: err.path, reason: err.reason, file: err.file };
    }
    throw err;
  }
  throw new Error('expected a ScorecardValidationError');
}

describe('validateAutoBlock', () => {
  it('returns a valid block as the same plain object', () => {
    const blocks = [
      { detector: 'phrases', anyOf: ['감사합니다'], window: { firstSeconds: 30 }, min: 1 },
      { detector: 'phrases', allOf: [['a'], ['b', 're:c+']], speaker: 'any' },
      {
        detector: 'phrases',
        allOf: [['name'], ['order number']],
        volunteered: { group: 1, anyOf: ['my name is'] },
      },
      { detector: 'forbidden', anyOf: ['calm down'], when: { customerNegative: true } },
      { detector: 'sequence', steps: [{ name: 'a', anyOf: ['x'] }], minSteps: 1 },
      { detector: 'interruptions', overlapMs: 0, max: 2, backchannels: [] },
      { detector: 'silence', thresholdMs: 8000, announce: ['잠시만요'], mode: 'announced' },
      { detector: 'talk_ratio', minAgentRatio: 0.2, maxAgentRatio: 0.8 },
      { detector: 'count', anyOf: ['sorry'], max: 2, window: { lastTurns: 10 } },
      { detector: 'negativity', lexicon: ['짜증'], minPeak: 3, segments: 4 },
      { detector: 'notes', purpose: ['문의'], vague: [], minLength: 0 },
      {
        detector: 'phrases',
        anyOf: ['환불'],
        when: { phrases: { anyOf: ['환불'], speaker: 'customer', window: { lastSeconds: 60 } } },
      },
      { detector: 'silence', when: { silenceOverMs: 0 } },
    ];
    for (const block of blocks) expect(validateAutoBlock(block, PATH, 'f.yaml')).toEqual(block);
  });

  it('refuses an unknown or missing detector', () => {
    expect(problem({ detector: 'keywords', anyOf: ['a'] })).toEqual({
      file: 'voice-ko.yaml',
      path: `${PATH}.detector`,
      reason:
        'unknown detector "keywords" (allowed: phrases, forbidden, sequence, interruptions, ' +
        'silence, talk_ratio, count, negativity, notes, honorifics)',
    });
    expect(problem({ anyOf: ['a'] })).toMatchObject({
      path: `${PATH}.detector`,
      reason: 'is required',
    });
    expect(problem(['phrases'])).toMatchObject({
      path: PATH,
      reason: 'must be a mapping (got a list)',
    });
  });

  it('refuses an unknown field, naming the allowed ones', () => {
    expect(problem({ detector: 'interruptions', overlap: 300 })).toMatchObject({
      path: `${PATH}.overlap`,
      reason: 'unknown field "overlap" (allowed: detector, when, overlapMs, max, backchannels)',
    });
    // speaker / window belong to the phrase detectors only.
    expect(
      problem({ detector: 'talk_ratio', maxAgentRatio: 0.6, window: { firstTurns: 3 } }),
    ).toMatchObject({ path: `${PATH}.window` });
    expect(problem({ detector: 'phrases', anyOf: ['a'], window: { from: 0, to: 2 } })).toEqual({
      file: 'voice-ko.yaml',
      path: `${PATH}.window.from`,
      reason:
        'unknown field "from" (allowed: firstSeconds, lastSeconds, firstTurns, lastTurns, afterCondition)',
    });
    expect(
      problem({ detector: 'sequence', steps: [{ name: 'a', anyOf: ['x'], order: 1 }] }),
    ).toMatchObject({ path: `${PATH}.steps[0].order` });
  });

  it('refuses thresholds of the wrong type, negative or NaN', () => {
    expect(problem({ detector: 'interruptions', overlapMs: 'fast' })).toMatchObject({
      path: `${PATH}.overlapMs`,
      reason: 'must be a number of milliseconds ≥ 0 (got "fast")',
    });
    expect(problem({ detector: 'silence', thresholdMs: -5 })).toMatchObject({
      path: `${PATH}.thresholdMs`,
      reason: 'must be a number of milliseconds ≥ 0 (got -5)',
    });
    expect(problem({ detector: 'silence', thresholdMs: NaN })).toMatchObject({
      reason: 'must be a number of milliseconds ≥ 0 (got NaN)',
    });
    expect(problem({ detector: 'phrases', anyOf: ['a'], window: { firstSeconds: '30' } })).toEqual({
      file: 'voice-ko.yaml',
      path: `${PATH}.window.firstSeconds`,
      reason: 'must be a number of seconds > 0 (got "30")',
    });
    expect(problem({ detector: 'phrases', anyOf: ['a'], min: 1.5 })).toMatchObject({
      path: `${PATH}.min`,
      reason: 'must be a whole number ≥ 0 (got 1.5)',
    });
    expect(problem({ detector: 'phrases', anyOf: ['a'], min: 3, max: 2 })).toMatchObject({
      path: `${PATH}.max`,
      reason: 'must be a whole number ≥ 3 (got 2)',
    });
    expect(problem({ detector: 'talk_ratio', maxAgentRatio: 1.2 })).toMatchObject({
      path: `${PATH}.maxAgentRatio`,
      reason: 'must be a number from 0 to 1 (got 1.2)',
    });
    expect(
      problem({ detector: 'talk_ratio', minAgentRatio: 0.7, maxAgentRatio: 0.6 }),
    ).toMatchObject({ path: `${PATH}.minAgentRatio` });
    expect(problem({ detector: 'negativity', segments: 1 })).toMatchObject({
      path: `${PATH}.segments`,
      reason: 'must be a whole number from 2 to 10 (got 1)',
    });
    expect(problem({ detector: 'count', anyOf: ['sorry'] })).toMatchObject({
      path: `${PATH}.max`,
      reason: 'is required',
    });
  });

  it('refuses a bad regular expression with the index of the phrase', () => {
    expect(problem({ detector: 'forbidden', anyOf: ['ok', 're:(unclosed'] })).toEqual({
      file: 'voice-ko.yaml',
      path: `${PATH}.anyOf[1]`,
      reason: expect.stringMatching(/^invalid regular expression: .*unclosed/i) as string,
    });
    expect(problem({ detector: 'forbidden', anyOf: ['re:a*'] })).toMatchObject({
      path: `${PATH}.anyOf[0]`,
      reason: 'regular expression matches an empty text (got "re:a*")',
    });
    expect(problem({ detector: 'forbidden', anyOf: ['re:'] })).toMatchObject({
      reason: 'must have a regular expression after "re:"',
    });
  });

  it('checks phrase lists, steps and conditions down to the item', () => {
    expect(problem({ detector: 'phrases', allOf: [['a'], ['b', 3]] })).toMatchObject({
      path: `${PATH}.allOf[1][1]`,
      reason: 'must be a non-empty text (got 3)',
    });
    expect(problem({ detector: 'phrases', anyOf: [] })).toMatchObject({
      path: `${PATH}.anyOf`,
      reason: 'must contain at least one phrase',
    });
    expect(problem({ detector: 'phrases', anyOf: ['?!'] })).toMatchObject({
      path: `${PATH}.anyOf[0]`,
      reason: 'must contain a letter or digit (got "?!")',
    });
    expect(problem({ detector: 'phrases' })).toMatchObject({
      path: `${PATH}.anyOf`,
      reason: 'is required (or allOf)',
    });
    const volunteered = (v: unknown, allOf: unknown = [['name'], ['number']]) =>
      problem({ detector: 'phrases', allOf, volunteered: v });
    expect(volunteered({ group: 3, anyOf: ['my name is'] })).toMatchObject({
      path: `${PATH}.volunteered.group`,
    });
    expect(volunteered({ group: 1 })).toMatchObject({
      path: `${PATH}.volunteered.anyOf`,
      reason: 'is required',
    });
    expect(volunteered({ group: 1, anyOf: ['x'], speaker: 'agent' })).toMatchObject({
      path: `${PATH}.volunteered.speaker`,
    });
    expect(
      problem({ detector: 'phrases', anyOf: ['x'], volunteered: { group: 1, anyOf: ['y'] } }),
    ).toMatchObject({ path: `${PATH}.volunteered` });
    expect(
      problem({ detector: 'sequence', steps: [{ name: 'a', anyOf: ['x'] }, { name: 'b' }] }),
    ).toMatchObject({ path: `${PATH}.steps[1].anyOf`, reason: 'is required' });
    expect(
      problem({
        detector: 'sequence',
        steps: [
          { name: 'a', anyOf: ['x'] },
          { name: 'a', anyOf: ['y'] },
        ],
      }),
    ).toMatchObject({ path: `${PATH}.steps[1].name` });
    expect(
      problem({ detector: 'sequence', steps: [{ name: 'a', anyOf: ['x'] }], minSteps: 2 }),
    ).toMatchObject({
      path: `${PATH}.minSteps`,
      reason: 'must be a whole number from 1 to 1 (got 2)',
    });
    expect(
      problem({
        detector: 'phrases',
        anyOf: ['a'],
        when: { phrases: { anyOf: ['b'], window: { firstTurns: 0 } } },
      }),
    ).toMatchObject({
      path: `${PATH}.when.phrases.window.firstTurns`,
      reason: 'must be a whole number ≥ 1 (got 0)',
    });
    expect(
      problem({
        detector: 'phrases',
        anyOf: ['a'],
        when: { phrases: { anyOf: ['b'], notAfter: { anyOf: [], speaker: 'customer' } } },
      }),
    ).toMatchObject({
      path: `${PATH}.when.phrases.notAfter.anyOf`,
      reason: 'must contain at least one phrase',
    });
    expect(
      problem({
        detector: 'phrases',
        anyOf: ['a'],
        when: { phrases: { anyOf: ['b'], notAfter: { anyOf: ['c'], who: 'customer' } } },
      }),
    ).toMatchObject({ path: `${PATH}.when.phrases.notAfter.who` });
    expect(
      problem({
        detector: 'phrases',
        anyOf: ['a'],
        when: { phrases: { anyOf: ['b'], keepIf: ['c'] } },
      }),
    ).toMatchObject({ path: `${PATH}.when.phrases.keepIf` });
    expect(
      problem({ detector: 'phrases', anyOf: ['a'], when: { customerNegative: 'yes' } }),
    ).toMatchObject({
      path: `${PATH}.when.customerNegative`,
      reason: 'must be true or false (got "yes")',
    });
    expect(
      problem({
        detector: 'phrases',
        anyOf: ['a'],
        when: { silenceOverMs: 1, customerNegative: true },
      }),
    ).toMatchObject({
      path: `${PATH}.when`,
      reason: 'must have exactly one of customerNegative, silenceOverMs, phrases (got 2)',
    });
    expect(problem({ detector: 'phrases', anyOf: ['a'], speaker: 'both' })).toMatchObject({
      path: `${PATH}.speaker`,
      reason: 'must be one of agent, customer, any (got "both")',
    });
    expect(problem({ detector: 'silence', mode: 'announced' })).toMatchObject({
      path: `${PATH}.announce`,
      reason: 'is required when mode is announced',
    });
  });
});

describe('the scorecard loader validates auto blocks', () => {
  function yamlWith(auto: unknown): string {
    return stringify({
      key: 'auto-card',
      name: 'Auto card',
      language: 'ko',
      sections: [
        {
          key: 'script',
          label: 'Script',
          criteria: [
            { key: 'greeting', label: 'Greeting', guidance: 'g', scale: 'yes_no' },
            { key: 'hold', label: 'Hold', guidance: 'g', scale: 'yes_no' },
            { key: 'interrupt', label: 'Interruptions', guidance: 'g', scale: 'yes_no', auto },
          ],
        },
      ],
    });
  }

  it('refuses a bad block at load time with the file and the exact path', () => {
    let error: unknown;
    try {
      parseScorecardYaml(yamlWith({ detector: 'interruptions', overlapMs: 'fast' }), 'card.yaml');
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ScorecardValidationError);
    expect((error as ScorecardValidationError).message).toBe(
      'card.yaml: sections[0].criteria[2].auto.overlapMs: must be a number of milliseconds ≥ 0 (got "fast")',
    );
  });

  it('reads .nan from YAML as a bad threshold', () => {
    const text = yamlWith({ detector: 'silence', thresholdMs: 1 }).replace(
      'thresholdMs: 1',
      'thresholdMs: .nan',
    );
    expect(() => parseScorecardYaml(text, 'card.yaml')).toThrow(
      'card.yaml: sections[0].criteria[2].auto.thresholdMs: must be a number of milliseconds ≥ 0 (got NaN)',
    );
  });

  it('stores a valid block as written', () => {
    const auto = { detector: 'interruptions', overlapMs: 400, backchannels: ['네', '음'] };
    const def = parseScorecardYaml(yamlWith(auto), 'card.yaml');
    expect(def.sections[0].criteria[2].auto).toEqual(auto);
    expect(def.sections[0].criteria[0]).not.toHaveProperty('auto');
  });
});
