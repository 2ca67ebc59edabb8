/**
 * Scores the abuse detector on the labelled turns in test/fixtures/abuse/ (dev-split.json and
 * dev-split-2.json for tuning, test-split.json and test-split-2.json locked). Per turn: the detector runs on the turn alone in its
 * language; the turn counts as found when the detector gives evidence for it. Precision =
 * found abusive ÷ all found; recall = found abusive ÷ abusive turns.
 */
import * as fs from 'fs';
import * as path from 'path';
import { detectAbuse } from '../../src/abuse/abuse-detector';

export interface LabelledAbuseTurn {
  id: string;
  language: 'ko' | 'en';
  speaker: 'agent' | 'customer';
  text: string;
  label: 'profanity' | 'insult' | 'threat' | 'sexual' | null;
}

export type AbuseSplit = 'dev' | 'test' | 'dev-2' | 'test-2';
export const DEV_SPLITS: readonly AbuseSplit[] = ['dev', 'dev-2'];
export const LOCKED_SPLITS: readonly AbuseSplit[] = ['test', 'test-2'];

const DIR = path.join(__dirname, '..', 'fixtures', 'abuse');

export function loadAbuseSplit(split: AbuseSplit): LabelledAbuseTurn[] {
  const [name, set] = split.split('-');
  const file = path.join(DIR, `${name}-split${set ? `-${set}` : ''}.json`);
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { turns: LabelledAbuseTurn[] }).turns;
}

export interface AbuseTally {
  turns: number;
  abusive: number;
  truePositives: number;
  falsePositives: number;
  /** Turn ids and texts the detector got wrong (print for the dev split only). */
  misses: string[];
}

export const abuseFigures = (t: AbuseTally) => ({
  recall: t.abusive === 0 ? 1 : t.truePositives / t.abusive,
  precision:
    t.truePositives + t.falsePositives === 0
      ? 1
      : t.truePositives / (t.truePositives + t.falsePositives),
});

/** Tallies per language (`ko`, `en`) and for both (`all`). */
export function scoreAbuse(turns: LabelledAbuseTurn[]): Record<'ko' | 'en' | 'all', AbuseTally> {
  const empty = (): AbuseTally => ({
    turns: 0,
    abusive: 0,
    truePositives: 0,
    falsePositives: 0,
    misses: [],
  });
  const out = { ko: empty(), en: empty(), all: empty() };
  for (const turn of turns) {
    const found =
      detectAbuse([{ speaker: turn.speaker, text: turn.text }], turn.language).evidence.length > 0;
    for (const t of [out[turn.language], out.all]) {
      t.turns++;
      if (turn.label) t.abusive++;
      if (found && turn.label) t.truePositives++;
      if (found && !turn.label) t.falsePositives++;
    }
    if (found !== Boolean(turn.label)) {
      out.all.misses.push(
        `${turn.id} ${found ? 'flagged, not abusive' : `missed ${turn.label}`}: ${turn.text}`,
      );
    }
  }
  return out;
}
