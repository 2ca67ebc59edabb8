import { readFileSync, readdirSync } from 'fs';
import { join } from 'path';
import { readPhraseLibraries } from '../../src/scorecards/phrase-libraries';
import { applyForm, formOf } from '../../src/scorecards/scorecard-form';
import {
  parseScorecardYaml,
  scorecardContentHash,
  ScorecardValidationError,
} from '../../src/scorecards/scorecard-schema';

const DIR = join(__dirname, '..', '..', 'scorecards');
const libraries = readPhraseLibraries(DIR);
const read = (name: string) => readFileSync(join(DIR, name), 'utf8');
const parse = (text: string) => parseScorecardYaml(text, 'scorecards/x.yaml', libraries);

describe('the scorecard form: read from the file, written back into it', () => {
  it.each(readdirSync(DIR).filter((f) => f.endsWith('.yaml')))(
    '%s: the unchanged form gives the same scorecard and keeps the comments',
    (name) => {
      const text = read(name);
      const out = applyForm(text, formOf(text), name);
      expect(scorecardContentHash(parse(out))).toBe(scorecardContentHash(parse(text)));
      const comments = (t: string) => t.split('\n').filter((l) => /^\s*#/.test(l)).length;
      expect(comments(out)).toBe(comments(text));
    },
  );

  it('changes a weight, adds a criterion, moves one and removes another', () => {
    const text = read('voice-en.yaml');
    const form = formOf(text);
    const [first, second] = form.sections;
    first.criteria[2].weight = '0.5';
    const removed = second.criteria.pop()!;
    const moved = first.criteria.shift()!;
    second.criteria.push(moved, {
      ...moved,
      from: '',
      key: 'callback_offer',
      label: 'Offers a call back',
      guidance: 'The agent offers to call back\r\nwhen the answer needs time.',
      scaleType: 'points',
      points: '4',
      weight: '',
      na: true,
      critical: 'section',
      failBelow: '2',
      good: '',
      phrases: 'I will call you back.\r\n\r\nMay I call you back?',
      auto: '',
    });
    const definition = parse(applyForm(text, form, 'voice-en.yaml'));
    const [s0, s1] = definition.sections;
    expect(s0.criteria[1]).toMatchObject({ key: 'empathy', weight: 0.5 });
    expect(s0.criteria.map((c) => c.key)).not.toContain('greeting');
    expect(s1.criteria.map((c) => c.key)).not.toContain(removed.key);
    const added = s1.criteria.find((c) => c.key === 'callback_offer')!;
    expect(added).toEqual({
      key: 'callback_offer',
      label: 'Offers a call back',
      guidance: 'The agent offers to call back\nwhen the answer needs time.',
      scale: { type: 'points', max: 4 },
      weight: 1,
      naAllowed: true,
      critical: { scope: 'section', failBelow: 2 },
      coaching: { phrases: ['I will call you back.', 'May I call you back?'] },
    });
    // The moved criterion keeps its auto block.
    expect(s1.criteria.find((c) => c.key === 'greeting')!.auto).toMatchObject({
      detector: 'phrases',
    });
  });

  it('reports a broken auto block at the criterion, with the line inside the block', () => {
    const text = read('voice-en.yaml');
    const form = formOf(text);
    form.sections[0].criteria[1].auto = 'detector: phrases\nallOf: [unclosed';
    expect(() => applyForm(text, form, 'voice-en.yaml')).toThrow(ScorecardValidationError);
    try {
      applyForm(text, form, 'voice-en.yaml');
    } catch (e) {
      expect((e as ScorecardValidationError).path).toBe('sections[0].criteria[1].auto');
      expect((e as ScorecardValidationError).reason).toMatch(
        /^invalid YAML \(line \d of the block\)/,
      );
    }
  });

  it('leaves a bad weight as typed, for the schema to refuse at its path', () => {
    const text = read('voice-en.yaml');
    const form = formOf(text);
    form.sections[1].criteria[0].weight = 'heavy';
    expect(() => parse(applyForm(text, form, 'voice-en.yaml'))).toThrow(
      'sections[1].criteria[0].weight: must be a number greater than 0 (got "heavy")',
    );
  });
});
