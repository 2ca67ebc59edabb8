/**
 * `npm run autoqa:train [-- --cv]`: trains the text models the shipped scorecards weigh beside
 * their phrase lists (src/autoqa/text-model.ts), on the labelled **dev split only**
 * (test/fixtures/autoqa-corpus/dev; the locked holdouts are never read), and writes them to
 * `scorecards/models/<language>.json`:
 *
 * - `customer_upset`: was the customer clearly angry or frustrated at some point (the calls whose
 *   `deescalation` label is pass or fail, not N/A);
 * - `customer_complaint`: did the customer complain about the service or the company (the calls
 *   whose `thanks_for_feedback` label is not N/A).
 *
 * `--cv` first prints leave-one-group-out accuracy: each dev folder (one writer's calls) scored
 * by a model trained on the other folders — how the model does on a writer it never saw.
 */
import * as fs from 'fs';
import * as path from 'path';
import { listLabelledCalls } from '../src/cli/labelled-corpus';
import { normalizeText } from '../src/autoqa/text-match';
import { compileTextModel, textProbability } from '../src/autoqa/text-model';
import {
  DEFAULT_TRAINING,
  type TrainingCall,
  trainTextModel,
} from '../src/autoqa/text-model-train';
import type { TextAnalyzer, TextModelData } from '../src/autoqa/text-model';

const ROOT = path.resolve(__dirname, '..');
const DEV = path.join(ROOT, 'test', 'fixtures', 'autoqa-corpus', 'dev');
const OUT = path.join(ROOT, 'scorecards', 'models');

const TARGETS = [
  {
    name: 'customer_upset',
    criterion: 'deescalation',
    question: 'the customer was clearly angry or frustrated at some point',
  },
  {
    name: 'customer_complaint',
    criterion: 'thanks_for_feedback',
    question: 'the customer complained about the service or the company',
  },
] as const;

const LANGUAGES: { language: 'ko' | 'en'; analyzer: TextAnalyzer; ngrams: [number, number] }[] = [
  { language: 'ko', analyzer: 'chars', ngrams: [2, 4] },
  { language: 'en', analyzer: 'words', ngrams: [1, 2] },
];

interface DevCall extends TrainingCall {
  group: string;
}

function devCalls(language: 'ko' | 'en', criterion: string): DevCall[] {
  return listLabelledCalls(DEV)
    .filter((c) => c.label.scorecard.endsWith(`-${language}`) && criterion in c.label.expected)
    .map((c) => {
      const call = JSON.parse(fs.readFileSync(c.full, 'utf8')) as {
        turns: { speaker: string; text: string }[];
      };
      return {
        group: c.file.split('/')[0].replace(/-(ko|en)$/, ''),
        turns: call.turns
          .filter((t) => t.speaker === 'customer')
          .map((t) => normalizeText(t.text, language)),
        yes: c.label.expected[criterion] !== 'na',
      };
    });
}

const pct = (n: number, d: number): string => `${((n / d) * 100).toFixed(1)}%`;
const cv = process.argv.includes('--cv');
const today = new Date().toISOString().slice(0, 10);

fs.mkdirSync(OUT, { recursive: true });
for (const { language, analyzer, ngrams } of LANGUAGES) {
  const models: Record<string, TextModelData> = {};
  for (const target of TARGETS) {
    const calls = devCalls(language, target.criterion);
    const options = (trainedOn: string) => ({
      ...DEFAULT_TRAINING,
      question: target.question,
      analyzer,
      ngrams,
      trainedOn,
    });
    if (cv) {
      let right = 0;
      const lines: string[] = [];
      for (const group of [...new Set(calls.map((c) => c.group))]) {
        const train = calls.filter((c) => c.group !== group);
        const test = calls.filter((c) => c.group === group);
        const model = compileTextModel(trainTextModel(train, options('cv')));
        const ok = test.filter((c) => textProbability(model, c.turns) >= 0.5 === c.yes).length;
        right += ok;
        lines.push(
          `    ${group.padEnd(16)} ${String(test.length).padStart(3)} calls ${pct(ok, test.length)}`,
        );
      }
      console.log(
        `${language} ${target.name}: leave-one-group-out ${right}/${calls.length} = ${pct(right, calls.length)}`,
      );
      for (const l of lines) console.log(l);
    }
    const positives = calls.filter((c) => c.yes).length;
    models[target.name] = trainTextModel(
      calls,
      options(`dev split, ${calls.length} ${language} calls (${positives} yes), ${today}`),
    );
  }
  const file = path.join(OUT, `${language}.json`);
  fs.writeFileSync(file, `${JSON.stringify(models)}\n`);
  console.log(
    `wrote ${path.relative(ROOT, file)} (${(fs.statSync(file).size / 1024).toFixed(0)} KiB)`,
  );
}
