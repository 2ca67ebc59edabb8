import { readFileSync } from 'fs';
import { join } from 'path';
import { stringify } from 'yaml';
import { readPhraseLibraries } from '../../src/scorecards/phrase-libraries';
import type { ScorecardDefinition } from '../../src/scorecards/scorecard-definition';
import {
  ScorecardValidationError,
  parsePhraseLibraryYaml,
  parseScorecardYaml,
  scorecardContentHash,
  validateScorecardData,
} from '../../src/scorecards/scorecard-schema';

const SCORECARDS_DIR = join(__dirname, '..', '..', 'scorecards');

const REQUIRED_LAYOUT: Record<string, string[]> = {
  script_adherence: [
    'greeting',
    'identity_verification',
    'empathy',
    'hold_etiquette',
    'summary',
    'anything_else',
    'closing',
  ],
  etiquette: [
    'no_interruptions',
    'no_dead_air',
    'no_over_apology',
    'positive_language',
    'no_rude_language',
  ],
  problem_solving: [
    'root_cause',
    'correct_resolution',
    'first_contact_resolution',
    'options_offered',
  ],
  de_escalation: ['thanks_for_feedback', 'no_escape', 'deescalation'],
  notes: ['notes_quality'],
};

function loadShipped(name: string): ScorecardDefinition {
  const file = `${name}.yaml`;
  const text = readFileSync(join(SCORECARDS_DIR, file), 'utf8');
  return parseScorecardYaml(text, file, readPhraseLibraries(SCORECARDS_DIR));
}

function criterion(def: ScorecardDefinition, key: string) {
  const found = def.sections.flatMap((s) => s.criteria).find((c) => c.key === key);
  if (!found) throw new Error(`criterion ${key} not found`);
  return found;
}

/** A small valid scorecard as plain data; each failing case breaks exactly one thing. */
function validData(): Record<string, unknown> {
  return {
    key: 'test-card',
    name: 'Test card',
    language: 'en',
    sections: [
      {
        key: 'script_adherence',
        label: 'Script',
        weight: 30,
        criteria: [
          {
            key: 'greeting',
            label: 'Greeting',
            guidance: 'Company and own name.',
            scale: 'yes_no',
          },
          { key: 'empathy', label: 'Empathy', guidance: 'Acknowledges feelings.', scale: '1-5' },
        ],
      },
      {
        key: 'problem_solving',
        label: 'Problem solving',
        criteria: [
          {
            key: 'correct_resolution',
            label: 'Correct resolution',
            guidance: 'Accurate and complete.',
            scale: '0-10',
          },
        ],
      },
    ],
  };
}

type Mutable = Record<string, unknown>;

/** The n-th section / criterion of `validData()` output, for in-place edits in a test. */
function sectionOf(data: Mutable, i: number): Mutable {
  return (data.sections as Mutable[])[i];
}
function criterionOf(data: Mutable, s: number, c: number): Mutable {
  return (sectionOf(data, s).criteria as Mutable[])[c];
}

function parseData(data: unknown): ScorecardDefinition {
  return parseScorecardYaml(stringify(data), 'test.yaml');
}

/** Runs `run`, expecting a ScorecardValidationError, and returns it for assertions. */
function validationError(run: () => unknown): ScorecardValidationError {
  try {
    run();
  } catch (err) {
    if (err instanceof ScorecardValidationError) return err;
    throw err;
  }
  throw new Error('expected a ScorecardValidationError');
}

function expectProblem(edit: (data: Mutable) => void, path: string, reason: string | RegExp): void {
  const data = validData();
  edit(data);
  const err = validationError(() => parseData(data));
  expect(err.path).toBe(path);
  expect(err.reason).toEqual(
    typeof reason === 'string' ? expect.stringContaining(reason) : expect.stringMatching(reason),
  );
}

describe('shipped voice scorecards', () => {
  it.each(['voice-ko', 'voice-en'])(
    '%s parses and carries every required section and criterion',
    (name) => {
      const def = loadShipped(name);
      expect(def.key).toBe(name);
      expect(def.language).toBe(name.slice(-2));
      expect(def.channel).toBe('voice');
      expect(def.passingScore).toBe(80);
      expect(def.sections.map((s) => s.key)).toEqual(Object.keys(REQUIRED_LAYOUT));
      for (const section of def.sections) {
        expect(section.criteria.map((c) => c.key)).toEqual(
          expect.arrayContaining(REQUIRED_LAYOUT[section.key]),
        );
      }
    },
  );

  it.each(['voice-ko', 'voice-en'])(
    '%s gives every criterion guidance and coaching, no auto block',
    (name) => {
      for (const c of loadShipped(name).sections.flatMap((s) => s.criteria)) {
        expect(c.guidance.length).toBeGreaterThan(20);
        expect(c.coaching?.good).toEqual(expect.any(String));
        expect(c.coaching?.phrases?.length).toBeGreaterThanOrEqual(3);
        expect(c.coaching?.phrases?.length).toBeLessThanOrEqual(6);
      }
      // Every machine-judgeable criterion has an auto block; problem solving stays human.
      const auto = loadShipped(name).sections.flatMap((s) => s.criteria.filter((c) => c.auto));
      expect(auto.map((c) => c.key)).toEqual(
        expect.arrayContaining(['greeting', 'no_interruptions', 'deescalation', 'notes_quality']),
      );
      expect(auto.map((c) => c.key)).not.toContain('root_cause');
    },
  );

  it('uses the agreed scales, N/A and critical rules', () => {
    const def = loadShipped('voice-ko');
    expect(criterion(def, 'empathy').scale).toEqual({ type: 'rating', min: 1, max: 5 });
    expect(criterion(def, 'correct_resolution').scale).toEqual({ type: 'points', max: 10 });
    expect(criterion(def, 'greeting').scale).toEqual({ type: 'yes_no' });
    expect(criterion(def, 'no_rude_language').critical).toEqual({
      scope: 'evaluation',
      failBelow: 1,
    });
    expect(criterion(def, 'identity_verification').critical).toEqual({
      scope: 'section',
      failBelow: 1,
    });
    for (const key of [
      'hold_etiquette',
      'identity_verification',
      'thanks_for_feedback',
      'no_escape',
      'deescalation',
    ]) {
      expect(criterion(def, key).naAllowed).toBe(true);
    }
    expect(criterion(def, 'no_rude_language').naAllowed).toBe(false);
  });

  it('keeps the English file a faithful version of the Korean one (same structure)', () => {
    const shape = (def: ScorecardDefinition) =>
      def.sections.map((s) => ({
        key: s.key,
        weight: s.weight,
        criteria: s.criteria.map((c) => ({
          key: c.key,
          scale: c.scale,
          weight: c.weight,
          naAllowed: c.naAllowed,
          critical: c.critical,
          phrases: c.coaching?.phrases?.length,
        })),
      }));
    const ko = loadShipped('voice-ko');
    const en = loadShipped('voice-en');
    expect(shape(en)).toEqual(shape(ko));
    expect(en.passingScore).toBe(ko.passingScore);
  });

  it('parses the example in scorecards/README.md', () => {
    const readme = readFileSync(join(SCORECARDS_DIR, 'README.md'), 'utf8');
    const example = /## Example\s+```yaml\n([\s\S]*?)```/.exec(readme);
    expect(example).not.toBeNull();
    const def = parseScorecardYaml(example?.[1] ?? '', 'README.md');
    expect(criterion(def, 'correct_resolution').critical).toEqual({
      scope: 'evaluation',
      failBelow: 3,
    });
  });
});

describe('parseScorecardYaml: conversion and defaults', () => {
  it('fills in the defaults', () => {
    const def = parseData(validData());
    expect(def.channel).toBe('voice');
    expect(def.passingScore).toBe(80);
    expect(def.description).toBeUndefined();
    expect(def.sections[1].weight).toBe(1);
    const greeting = criterion(def, 'greeting');
    expect(greeting.weight).toBe(1);
    expect(greeting.naAllowed).toBe(false);
    expect(greeting).not.toHaveProperty('critical');
    expect(greeting).not.toHaveProperty('coaching');
    expect(greeting).not.toHaveProperty('auto');
  });

  it('converts the three scales', () => {
    const def = parseData(validData());
    expect(criterion(def, 'greeting').scale).toEqual({ type: 'yes_no' });
    expect(criterion(def, 'empathy').scale).toEqual({ type: 'rating', min: 1, max: 5 });
    expect(criterion(def, 'correct_resolution').scale).toEqual({ type: 'points', max: 10 });
  });

  it('reads na, critical shorthand with per-scale default failBelow, coaching and auto', () => {
    const data = validData();
    Object.assign(criterionOf(data, 0, 0), {
      na: true,
      critical: 'section',
      coaching: { good: '  Says both names.\n', phrases: ['Thank you for calling.'] },
      auto: { detector: 'phrases', anyOf: ['thank you for calling'], window: { firstTurns: 2 } },
    });
    criterionOf(data, 0, 1).critical = 'evaluation';
    criterionOf(data, 1, 0).critical = { scope: 'section' };
    const def = parseData(data);
    const greeting = criterion(def, 'greeting');
    expect(greeting.naAllowed).toBe(true);
    expect(greeting.critical).toEqual({ scope: 'section', failBelow: 1 });
    expect(greeting.coaching).toEqual({
      good: 'Says both names.',
      phrases: ['Thank you for calling.'],
    });
    expect(greeting.auto).toEqual({
      detector: 'phrases',
      anyOf: ['thank you for calling'],
      window: { firstTurns: 2 },
    });
    expect(criterion(def, 'empathy').critical).toEqual({ scope: 'evaluation', failBelow: 3 });
    expect(criterion(def, 'correct_resolution').critical).toEqual({
      scope: 'section',
      failBelow: 10,
    });
  });

  it('accepts failBelow at both ends of its range', () => {
    const data = validData();
    criterionOf(data, 0, 1).critical = { scope: 'section', failBelow: 2 };
    criterionOf(data, 1, 0).critical = { scope: 'evaluation', failBelow: 1 };
    const def = parseData(data);
    expect(criterion(def, 'empathy').critical?.failBelow).toBe(2);
    expect(criterion(def, 'correct_resolution').critical?.failBelow).toBe(1);
  });

  it('keeps explicit top-level values', () => {
    const data = { ...validData(), channel: 'chat', description: 'Chat QA', passingScore: 75.5 };
    const def = parseData(data);
    expect(def).toMatchObject({ channel: 'chat', description: 'Chat QA', passingScore: 75.5 });
  });

  it('validates already-parsed data with the same rules', () => {
    const data = validData();
    delete data.name;
    const err = validationError(() => validateScorecardData(data, 'api'));
    expect(err.message).toBe('api: name: is required');
  });
});

describe('parseScorecardYaml: validation errors', () => {
  it('reports file, path and reason in the error and its message', () => {
    const data = validData();
    criterionOf(data, 0, 0).scale = '1-7';
    const err = validationError(() => parseScorecardYaml(stringify(data), 'voice-xx.yaml'));
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe('ScorecardValidationError');
    expect(err.file).toBe('voice-xx.yaml');
    expect(err.path).toBe('sections[0].criteria[0].scale');
    expect(err.reason).toBe('must be one of yes_no, 1-5, 0-N (got "1-7")');
    expect(err.message).toBe(
      'voice-xx.yaml: sections[0].criteria[0].scale: must be one of yes_no, 1-5, 0-N (got "1-7")',
    );
  });

  it('rejects unknown fields at every level', () => {
    expectProblem((d) => (d.wieght = 1), 'wieght', 'unknown field "wieght"');
    expectProblem(
      (d) => (sectionOf(d, 1).wieght = 2),
      'sections[1].wieght',
      'unknown field "wieght"',
    );
    expectProblem(
      (d) => (criterionOf(d, 1, 0).wieght = 2),
      'sections[1].criteria[0].wieght',
      'unknown field "wieght"',
    );
    expectProblem(
      (d) => (criterionOf(d, 0, 0).critical = { scope: 'section', failbelow: 1 }),
      'sections[0].criteria[0].critical.failbelow',
      'unknown field "failbelow"',
    );
    expectProblem(
      (d) => (criterionOf(d, 0, 0).coaching = { good: 'x', phrase: ['y'] }),
      'sections[0].criteria[0].coaching.phrase',
      'unknown field "phrase"',
    );
  });

  it('rejects a criterion key used twice, even in different sections', () => {
    expectProblem(
      (d) => (criterionOf(d, 1, 0).key = 'greeting'),
      'sections[1].criteria[0].key',
      'duplicate criterion key "greeting" (already used at sections[0].criteria[0])',
    );
  });

  it('rejects a section key used twice', () => {
    expectProblem(
      (d) => (sectionOf(d, 1).key = 'script_adherence'),
      'sections[1].key',
      'duplicate section key "script_adherence"',
    );
  });

  it('rejects bad scales', () => {
    const path = 'sections[0].criteria[0].scale';
    expectProblem(
      (d) => (criterionOf(d, 0, 0).scale = '1-7'),
      path,
      'must be one of yes_no, 1-5, 0-N',
    );
    expectProblem((d) => (criterionOf(d, 0, 0).scale = 'yes/no'), path, '(got "yes/no")');
    expectProblem((d) => (criterionOf(d, 0, 0).scale = 5), path, '(got 5)');
    expectProblem((d) => (criterionOf(d, 0, 0).scale = '0-0'), path, 'N from 1 to 100 (got "0-0")');
    expectProblem((d) => (criterionOf(d, 0, 0).scale = '0-101'), path, 'N from 1 to 100');
    expectProblem((d) => delete criterionOf(d, 0, 0).scale, path, 'is required');
  });

  it('rejects failBelow outside the scale', () => {
    expectProblem(
      (d) => (criterionOf(d, 0, 1).critical = { scope: 'section', failBelow: 1 }),
      'sections[0].criteria[1].critical.failBelow',
      'must be a whole number from 2 to 5 for a 1-5 scale (got 1)',
    );
    expectProblem(
      (d) => (criterionOf(d, 0, 1).critical = { scope: 'section', failBelow: 6 }),
      'sections[0].criteria[1].critical.failBelow',
      'from 2 to 5',
    );
    expectProblem(
      (d) => (criterionOf(d, 0, 0).critical = { scope: 'evaluation', failBelow: 0 }),
      'sections[0].criteria[0].critical.failBelow',
      'must be 1 for a yes_no scale (got 0)',
    );
    expectProblem(
      (d) => (criterionOf(d, 1, 0).critical = { scope: 'evaluation', failBelow: 11 }),
      'sections[1].criteria[0].critical.failBelow',
      'from 1 to 10 for a 0-10 scale (got 11)',
    );
    expectProblem(
      (d) => (criterionOf(d, 1, 0).critical = { scope: 'evaluation', failBelow: 2.5 }),
      'sections[1].criteria[0].critical.failBelow',
      'whole number',
    );
  });

  it('rejects a bad critical scope', () => {
    expectProblem(
      (d) => (criterionOf(d, 0, 0).critical = 'call'),
      'sections[0].criteria[0].critical',
      'must be one of evaluation, section (got "call")',
    );
    expectProblem(
      (d) => (criterionOf(d, 0, 0).critical = { failBelow: 1 }),
      'sections[0].criteria[0].critical.scope',
      'is required',
    );
    expectProblem(
      (d) => (criterionOf(d, 0, 0).critical = true),
      'sections[0].criteria[0].critical',
      'must be "evaluation", "section" or a mapping',
    );
  });

  it('requires a non-empty guidance and label', () => {
    expectProblem(
      (d) => delete criterionOf(d, 0, 1).guidance,
      'sections[0].criteria[1].guidance',
      'is required',
    );
    expectProblem(
      (d) => (criterionOf(d, 0, 1).guidance = '   '),
      'sections[0].criteria[1].guidance',
      'must be a non-empty text',
    );
    expectProblem((d) => delete sectionOf(d, 0).label, 'sections[0].label', 'is required');
  });

  it('reports YAML syntax errors with their line', () => {
    const text = ['key: broken', 'name: Broken', 'sections: [1, 2', 'language: en', ''].join('\n');
    const err = validationError(() => parseScorecardYaml(text, 'broken.yaml'));
    expect(err.path).toMatch(/^line \d+$/);
    expect(err.path).toBe('line 4');
    expect(err.reason).toMatch(/^invalid YAML: /);
    expect(err.message).toMatch(/^broken\.yaml: line 4: invalid YAML: /);
  });

  it('reports duplicate YAML keys with their line', () => {
    const text = ['key: dup', 'name: Dup', 'name: Again', ''].join('\n');
    const err = validationError(() => parseScorecardYaml(text, 'dup.yaml'));
    expect(err.path).toBe('line 3');
    expect(err.reason).toContain('unique');
  });

  it('treats YAML warnings and unresolved aliases as errors', () => {
    const tag = validationError(() => parseScorecardYaml('key: a\nname: !foo bar\n', 'tag.yaml'));
    expect(tag.path).toBe('line 2');
    expect(tag.reason).toContain('Unresolved tag: !foo');
    const alias = validationError(() => parseScorecardYaml('key: a\nname: *x\n', 'alias.yaml'));
    expect(alias.path).toBe('(root)');
    expect(alias.reason).toContain('Unresolved alias');
  });

  it('rejects empty sections and empty criteria', () => {
    expectProblem((d) => (d.sections = []), 'sections', 'must contain at least one section');
    expectProblem((d) => delete d.sections, 'sections', 'is required');
    expectProblem(
      (d) => (sectionOf(d, 1).criteria = []),
      'sections[1].criteria',
      'must contain at least one criterion',
    );
  });

  it('rejects a wrong language', () => {
    expectProblem((d) => (d.language = 'jp'), 'language', 'must be one of ko, en (got "jp")');
    expectProblem((d) => delete d.language, 'language', 'is required');
  });

  it('rejects malformed keys, numbers and types', () => {
    expectProblem((d) => (d.key = 'Voice KO'), 'key', 'must match');
    expectProblem((d) => (sectionOf(d, 0).key = '1st'), 'sections[0].key', 'must match');
    expectProblem(
      (d) => (criterionOf(d, 0, 0).key = 'Greeting'),
      'sections[0].criteria[0].key',
      'must match',
    );
    expectProblem((d) => (d.channel = 'email'), 'channel', 'must be one of voice, chat');
    expectProblem((d) => (d.passingScore = 120), 'passingScore', 'from 0 to 100 (got 120)');
    expectProblem((d) => (sectionOf(d, 0).weight = 0), 'sections[0].weight', 'greater than 0');
    expectProblem(
      (d) => (criterionOf(d, 0, 0).weight = '2'),
      'sections[0].criteria[0].weight',
      'greater than 0 (got "2")',
    );
    expectProblem(
      (d) => (criterionOf(d, 0, 0).na = 'yes'),
      'sections[0].criteria[0].na',
      'must be true or false',
    );
    expectProblem(
      (d) => (criterionOf(d, 0, 0).coaching = { phrases: ['ok', 3] }),
      'sections[0].criteria[0].coaching.phrases[1]',
      'must be a non-empty text (got 3)',
    );
    expectProblem(
      (d) => (criterionOf(d, 0, 0).auto = ['phrase']),
      'sections[0].criteria[0].auto',
      'must be a mapping (got a list)',
    );
    expectProblem((d) => (d.sections = { a: 1 }), 'sections', 'must be a list');
  });

  it('reports the first problem in document order of sections', () => {
    expectProblem(
      (d) => {
        criterionOf(d, 0, 1).scale = 'bad';
        criterionOf(d, 1, 0).scale = 'worse';
      },
      'sections[0].criteria[1].scale',
      '(got "bad")',
    );
  });

  it('rejects an empty document or one that is not a mapping', () => {
    expect(validationError(() => parseScorecardYaml('', 'empty.yaml')).message).toBe(
      'empty.yaml: (root): the document is empty',
    );
    const list = validationError(() => parseScorecardYaml('- a\n- b\n', 'list.yaml'));
    expect(list.path).toBe('(root)');
    expect(list.reason).toContain('must be a mapping');
  });
});

describe('scorecardContentHash', () => {
  it('is a sha256 hex digest', () => {
    expect(scorecardContentHash(parseData(validData()))).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is stable under key reordering', () => {
    const data = validData();
    criterionOf(data, 0, 0).auto = {
      detector: 'phrases',
      anyOf: ['hello'],
      window: { lastTurns: 2 },
    };
    const reordered = reverseKeys(data) as Mutable;
    expect(Object.keys(reordered)[0]).not.toBe(Object.keys(data)[0]);
    expect(stringify(reordered)).not.toBe(stringify(data));
    expect(scorecardContentHash(parseData(reordered))).toBe(scorecardContentHash(parseData(data)));
  });

  it('changes when a label changes', () => {
    const data = validData();
    const before = scorecardContentHash(parseData(data));
    criterionOf(data, 0, 0).label = 'Greeting and introduction';
    expect(scorecardContentHash(parseData(data))).not.toBe(before);
  });

  it('changes when the order of criteria changes', () => {
    const data = validData();
    const before = scorecardContentHash(parseData(data));
    (sectionOf(data, 0).criteria as unknown[]).reverse();
    expect(scorecardContentHash(parseData(data))).not.toBe(before);
  });
});

/** Deep copy with every mapping's keys in reverse order (lists keep their order). */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, reverseKeys(v)]),
    );
  }
  return value;
}

describe('shared phrase libraries (autoQa.phraseLibrary)', () => {
  const withAuto = (autoQa: unknown): string => stringify({ ...validData(), autoQa });

  it('gives the scorecard the library families, its own families winning by name', () => {
    const libraries = { en: { hold: ['one moment'], thanks: ['thanks for waiting'] } };
    const def = parseScorecardYaml(
      withAuto({ phraseLibrary: 'en', phraseFamilies: { hold: ['bear with me'] } }),
      'card.yaml',
      libraries,
    );
    expect(def.autoQa?.phraseFamilies).toEqual({
      hold: ['bear with me'],
      thanks: ['thanks for waiting'],
    });
    // The stored definition is self-contained: no reference to the library is kept.
    expect(JSON.stringify(def)).not.toContain('phraseLibrary');
  });

  it('refuses an unknown library, naming the field and the libraries it knows', () => {
    const err = validationError(() =>
      parseScorecardYaml(withAuto({ phraseLibrary: 'fr' }), 'card.yaml', { en: { a: ['x'] } }),
    );
    expect(err.path).toBe('autoQa.phraseLibrary');
    expect(err.reason).toContain('no phrase library "fr" (scorecards/phrases/fr.yaml); known: en');
  });

  it('refuses a word guard ({!@family}) naming a family the scorecard lacks, at its path', () => {
    const data = { ...validData(), autoQa: { phraseFamilies: { common: ['the'] } } };
    criterionOf(data, 0, 0).auto = {
      detector: 'phrases',
      anyOf: ['re:\\bit is {!@common}[a-z]+', 're:\\bthis is {!@nope}[a-z]+'],
    };
    const err = validationError(() => parseScorecardYaml(stringify(data), 'card.yaml'));
    expect(err.path).toBe('sections[0].criteria[0].auto.anyOf[1]');
    expect(err.reason).toContain('unknown phrase family @nope (defined: @common)');
  });

  it('reports a broken library file with its own name and line', () => {
    const err = validationError(() => parsePhraseLibraryYaml('hold: [a\n', 'phrases/en.yaml'));
    expect(err.file).toBe('phrases/en.yaml');
    expect(err.reason).toMatch(/invalid YAML/);
  });

  it('the shipped voice and chat scorecards of a language share one library', () => {
    const libraries = readPhraseLibraries(SCORECARDS_DIR);
    expect(Object.keys(libraries).sort()).toEqual(['en', 'ko']);
    for (const [voice, chat] of [
      ['voice-en', 'chat-en'],
      ['voice-ko', 'chat-ko'],
    ]) {
      expect(loadShipped(voice).autoQa?.phraseFamilies).toEqual(
        loadShipped(chat).autoQa?.phraseFamilies,
      );
    }
  });
});
