/**
 * Learned text models (src/autoqa/text-model.ts): n-grams, training, probabilities, and the
 * `model:` gate that lets one overrule a negativity lexicon or a phrase condition.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runAutoQa } from '../../../src/autoqa/engine';
import {
  compileTextModel,
  countNgrams,
  sigmoid,
  textProbability,
  type TextModelData,
} from '../../../src/autoqa/text-model';
import { trainTextModel, type TrainOptions } from '../../../src/autoqa/text-model-train';
import { NgramIndex } from '../../../src/autoqa/ngram-index';
import { ScorecardVersion } from '../../../src/scorecards/entities/scorecard-version.entity';
import { loadScorecardFile } from '../../../src/cli/score-command';
import { readPhraseLibraries } from '../../../src/scorecards/phrase-libraries';
import { validateScorecardData } from '../../../src/scorecards/scorecard-schema';
import { ScorecardValidationError } from '../../../src/scorecard-schema/scorecard-validation-error';
import type { ScorecardDefinition } from '../../../src/scorecards/scorecard-definition';
import type { TranscriptTurn } from '../../../src/transcripts/transcript';
import { autoCriterion, cardWith, turn } from './support';
import {
  modelRefsOf,
  textModelHash,
  withModelData,
  withModelRefs,
} from '../../../src/scorecards/text-model-refs';

const OPTIONS: TrainOptions = {
  question: 'upset',
  analyzer: 'words',
  ngrams: [1, 2],
  minCalls: 1,
  maxFeatures: 100,
  c: 4,
  iterations: 300,
  trainedOn: 'spec',
};

const UPSET = [
  'this is ridiculous i waited all week',
  'i am furious nobody called me back',
  'absolutely ridiculous service honestly',
  'i am so fed up with this',
];
const CALM = [
  'hi i would like to change my address',
  'could you tell me when the parcel comes',
  'thanks that is all i needed',
  'i would like to book a table for two',
];
const calls = [
  ...UPSET.map((t) => ({ turns: [t], yes: true })),
  ...CALM.map((t) => ({ turns: [t], yes: false })),
];

describe('text model n-grams', () => {
  it('Korean character n-grams ignore spacing, so a speech-to-text split reads the same', () => {
    const spaced = countNgrams(['감사 합니다'], 'chars', [2, 3]);
    const joined = countNgrams(['감사합니다'], 'chars', [2, 3]);
    expect([...spaced]).toEqual([...joined]);
    expect(spaced.get('감사')).toBe(1);
  });

  it('never joins the end of one turn to the start of the next', () => {
    const words = countNgrams(['not happy', 'yes fine'], 'words', [1, 2]);
    expect(words.has('happy yes')).toBe(false);
    expect(words.get('not happy')).toBe(1);
    const chars = countNgrams(['가나', '다라'], 'chars', [2, 2]);
    expect(chars.has('나다')).toBe(false);
  });
});

describe('the n-gram index a model answers with', () => {
  it('finds exactly the known n-grams training counts, in Korean and English speech-to-text', () => {
    const cases = [
      {
        units: 'chars' as const,
        range: [2, 4] as [number, number],
        // ASCII and Hangul (read without a copy), and other scripts, non-breaking and
        // full-width spaces (read through cutTurn): the same n-grams either way.
        turns: [
          '아니 이게 몇 번째 예요 진짜',
          '감사 합니다',
          '네',
          'KT\t쓰는데 왜 ㅠㅠ',
          'Ärger\u00a0났어\u3000요',
        ],
      },
      {
        units: 'words' as const,
        range: [1, 2] as [number, number],
        turns: ["i m not happy i'm NOT happy at all", 'ok', ''],
      },
    ];
    for (const { units, range, turns } of cases) {
      const all = countNgrams(turns, units, range);
      // A vocabulary of every other n-gram, so unknown ones must be skipped, not miscounted.
      const known = [...all.keys()].filter((_, i) => i % 2 === 0);
      const index = new NgramIndex(units, range);
      for (const g of known) index.add(g);
      const found = new Map<string, number>();
      for (const t of turns)
        for (const id of index.findAll([t]).ids)
          found.set(index.grams[id], (found.get(index.grams[id]) ?? 0) + 1);
      expect(found).toEqual(new Map(known.map((g) => [g, all.get(g)!])));
    }
  });
});

describe('training', () => {
  it('learns to tell upset customers from calm ones, also on wording it was not trained on', () => {
    const model = compileTextModel(trainTextModel(calls, OPTIONS));
    for (const t of UPSET) expect(textProbability(model, [t])).toBeGreaterThan(0.5);
    for (const t of CALM) expect(textProbability(model, [t])).toBeLessThan(0.5);
    expect(textProbability(model, ['that is ridiculous'])).toBeGreaterThan(
      textProbability(model, ['i would like that']),
    );
  });

  it('is deterministic: the same calls give the same model', () => {
    expect(trainTextModel(calls, OPTIONS)).toEqual(trainTextModel(calls, OPTIONS));
  });

  it('keeps only n-grams in enough calls, the most frequent first', () => {
    const data = trainTextModel(calls, { ...OPTIONS, minCalls: 2, maxFeatures: 3 });
    expect(data.features.length).toBeLessThanOrEqual(3);
    for (const [gram] of data.features) {
      expect(calls.filter((c) => c.turns[0].split(' ').includes(gram)).length).toBeGreaterThan(1);
    }
  });

  it('answers with the bias alone when nothing known is said', () => {
    const model = compileTextModel(trainTextModel(calls, OPTIONS));
    expect(textProbability(model, ['zzz qqq'])).toBeCloseTo(sigmoid(model.data.bias), 10);
    expect(textProbability(model, [])).toBeCloseTo(sigmoid(model.data.bias), 10);
  });
});

/** A model that knows one word: "furious" (strongly upset) — and "grumpy" (certainly not). */
const TINY: TextModelData = {
  question: 'the customer was upset',
  analyzer: 'words',
  ngrams: [1, 1],
  bias: 0,
  features: [
    ['furious', 1, 8],
    ['grumpy', 1, -8],
  ],
  trainedOn: 'spec',
};
const GATE = { name: 'customer_upset', below: 0.3, above: 0.7 };

function card(
  auto: Record<string, unknown>,
  models = { customer_upset: TINY },
): ScorecardDefinition {
  return { ...cardWith('en', [autoCriterion('c', auto)]), autoQa: { textModels: models } };
}
const NEGATIVITY = {
  detector: 'negativity',
  minPeak: 5,
  lexicon: ['grumpy', 'annoyed'],
  strong: ['outrageous'],
  calm: ['thanks'],
  model: GATE,
};
/** A call the agent opens ("parcel desk how can i help"), then customer and agent in turn, 2 s each. */
function call(...lines: string[]): TranscriptTurn[] {
  return ['parcel desk how can i help', ...lines].map((text, i) =>
    turn(i % 2 === 0 ? 'agent' : 'customer', i * 2, i * 2 + 2, text),
  );
}
function answer(def: ScorecardDefinition, turns: TranscriptTurn[]) {
  return runAutoQa({ turns, channel: 'voice', language: 'en' }, def).criteria[0];
}

describe('the model gate on a negativity block', () => {
  it('finds an upset customer the lexicon misses, and judges the end', () => {
    const calmed = answer(
      card(NEGATIVITY),
      call(
        'i am furious the van never came',
        'i will book it for tomorrow morning',
        'okay thanks that works',
      ),
    );
    expect(calmed).toMatchObject({
      result: 'pass',
      reasonCode: 'negativity.modelFell',
      confidence: 0.6,
    });
    expect(calmed.evidence[0].text).toContain('furious');
    const still = answer(
      card(NEGATIVITY),
      call(
        'i am furious the van never came',
        'there is nothing i can do',
        'so i am annoyed and still waiting',
      ),
    );
    expect(still).toMatchObject({ result: 'fail', reasonCode: 'negativity.modelStillHigh' });
  });

  it('answers N/A when the lexicon fires but the model finds the customer was not upset', () => {
    const result = answer(
      card(NEGATIVITY),
      call('my grumpy cat knocked the outrageous vase over', 'i will send a new one', 'thanks'),
    );
    expect(result).toMatchObject({ result: 'na', reasonCode: 'negativity.modelCalm' });
  });

  it('leaves the lexicon to decide when the model is unsure', () => {
    const result = answer(
      card(NEGATIVITY),
      call(
        'this is outrageous',
        'i will send a new one',
        'ok',
        'it leaves today',
        'fine',
        'anything else',
        'no thanks',
      ),
    );
    expect(result).toMatchObject({ result: 'pass', reasonCode: 'negativity.fell' });
  });
});

describe('the model gate on a phrase condition', () => {
  const THANKS = {
    detector: 'phrases',
    when: { phrases: { speaker: 'customer', anyOf: ['complaint'], model: GATE } },
    window: { afterCondition: true },
    anyOf: ['thank you for telling us'],
  };
  it('holds without a listed phrase when the model is sure, at the turn it finds telling', () => {
    const result = answer(
      card(THANKS),
      call('i am furious the van never came', 'thank you for telling us i will fix it'),
    );
    expect(result).toMatchObject({ result: 'pass', confidence: 0.6 });
    expect(result.evidence.find((e) => e.condition)?.text).toContain('furious');
  });

  it('does not hold when the phrase is said but the model finds it unlikely', () => {
    const result = answer(
      card(THANKS),
      call('no complaint from my grumpy self just a question', 'sure'),
    );
    expect(result).toMatchObject({ result: 'na', reasonCode: 'condition.modelNo' });
  });
});

describe('models in scorecard files', () => {
  it('the shipped scorecards carry the models trained on the dev split, and use them', () => {
    for (const key of ['voice-ko', 'voice-en', 'chat-ko', 'chat-en']) {
      const def = loadScorecardFile(path.resolve(__dirname, '../../../scorecards'), key);
      const models = def.autoQa?.textModels ?? {};
      expect(Object.keys(models).sort()).toEqual(['customer_complaint', 'customer_upset']);
      for (const m of Object.values(models)) expect(m.trainedOn).toMatch(/^dev split, \d+ /);
    }
  });

  it('a block naming a model the scorecard lacks is rejected with its path', () => {
    const data = {
      key: 'm',
      name: 'M',
      language: 'en',
      sections: [
        {
          key: 's',
          label: 'S',
          criteria: [
            {
              key: 'c',
              label: 'C',
              guidance: 'g',
              scale: 'yes_no',
              auto: { detector: 'negativity', model: { name: 'nope', below: 0.3, above: 0.7 } },
            },
          ],
        },
      ],
    };
    expect(() => validateScorecardData(data, 'm.yaml')).toThrow(
      /sections\[0\]\.criteria\[0\]\.auto\.model\.name: names the text model "nope"/,
    );
    const bad = structuredClone(data);
    bad.sections[0].criteria[0].auto.model = { name: 'nope', below: 0.8, above: 0.2 };
    expect(() => validateScorecardData(bad, 'm.yaml')).toThrow(/auto\.model: must be a mapping/);
  });

  it('a broken model file names the file and the field', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'models-'));
    fs.mkdirSync(path.join(dir, 'models'));
    fs.writeFileSync(path.join(dir, 'models', 'en.json'), '{ "x": ');
    expect(() => readPhraseLibraries(dir)).toThrow(ScorecardValidationError);
    expect(() => readPhraseLibraries(dir)).toThrow(/models[/\\]en\.json/);
    fs.writeFileSync(
      path.join(dir, 'models', 'en.json'),
      JSON.stringify({ upset: { ...TINY, analyzer: 'letters' } }),
    );
    const libraries = readPhraseLibraries(dir);
    const data = {
      key: 'm',
      name: 'M',
      language: 'en',
      autoQa: { phraseLibrary: 'en' },
      sections: [
        {
          key: 's',
          label: 'S',
          criteria: [{ key: 'c', label: 'C', guidance: 'g', scale: 'yes_no' }],
        },
      ],
    };
    expect(() => validateScorecardData(data, 'm.yaml', libraries)).toThrow(
      /autoQa\.textModels\.upset\.analyzer: must be one of words, chars/,
    );
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('a scorecard version as an API answer', () => {
  it('gives each text model as its reference (what it answers, its size), never its weights', () => {
    const version = Object.assign(new ScorecardVersion(), {
      id: 1,
      version: 1,
      // A version stored before the model store kept the whole model.
      definition: { ...cardWith('en', []), autoQa: { textModels: { customer_upset: TINY } } },
    });
    const json = JSON.parse(JSON.stringify(version)) as {
      definition: { autoQa: { textModels: Record<string, unknown> } };
    };
    expect(json.definition.autoQa.textModels).toEqual({
      customer_upset: {
        ref: textModelHash(TINY),
        question: 'the customer was upset',
        trainedOn: 'spec',
        features: 2,
      },
    });
    expect(version.definition.autoQa.textModels.customer_upset.features).toHaveLength(2);
  });
});

describe('text models in a stored version (the model store)', () => {
  const whole = card(NEGATIVITY);
  const upsetCall = call(
    'i am furious the van never came',
    'i will book it for tomorrow morning',
    'okay thanks that works',
  );

  it('a version stores references; putting the data back gives the same answers', () => {
    const { definition: stored, models } = withModelRefs(whole);
    expect(models).toEqual([{ hash: textModelHash(TINY), data: TINY }]);
    expect(JSON.stringify(stored)).not.toContain('furious');
    expect(modelRefsOf(stored)).toEqual([textModelHash(TINY)]);
    const back = withModelData(stored, new Map([[textModelHash(TINY), TINY]]));
    expect(back).toEqual(whole);
    expect(answer(back, upsetCall)).toEqual(answer(whole, upsetCall));
  });

  it('the hash depends on the content only, not on key order', () => {
    const reordered = Object.fromEntries(Object.entries(TINY).reverse()) as TextModelData;
    expect(textModelHash(reordered)).toBe(textModelHash(TINY));
    expect(textModelHash({ ...TINY, bias: 1 })).not.toBe(textModelHash(TINY));
  });

  it('a reference the store lacks leaves the criterion to a person, with no judgement', () => {
    const { definition: stored } = withModelRefs(whole);
    const result = runAutoQa(
      { turns: upsetCall, channel: 'voice', language: 'en' },
      withModelData(stored, new Map()),
    );
    expect(result.criteria.find((c) => c.key === 'c')).toMatchObject({
      result: 'na',
      reasonCode: 'invalidBlock',
      confidence: 0,
      needsReview: true,
    });
  });
});
