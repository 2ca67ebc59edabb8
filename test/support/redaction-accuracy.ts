/**
 * Scores the redactor on the labelled set in test/fixtures/redaction/accuracy-set.json.
 *
 * - An identifier is caught when its text is gone from the redacted turn and no four of its
 *   digits in a row are left in a number there (a card masked but for its last group is a miss).
 * - Masks are counted per turn, neighbours joined (`[전화번호]-[전화번호]` is one); a mask
 *   beyond the identifiers caught in its turn, or a lookalike changed, is a false positive.
 * - Precision = caught ÷ (caught + false positives); recall = caught ÷ identifiers.
 */
import * as fs from 'fs';
import * as path from 'path';
import { masksIn } from '../../src/redaction/masks';
import { redactTranscript } from '../../src/redaction/redact';
import type { AddressLevel } from '../../src/redaction/redaction.types';

export interface LabelledTurn {
  speaker: string;
  text: string;
  pii: { kind: string; text: string }[];
  keep: string[];
}
export interface LabelledCase {
  id: string;
  language: 'ko' | 'en';
  /**
   * dev/test: the first set; dev-2/test-2: the second (accuracy-set-2.json); dev-3/test-3: the
   * third (accuracy-set-3.json).
   */
  split: 'dev' | 'test' | 'dev-2' | 'test-2' | 'dev-3' | 'test-3';
  turns: LabelledTurn[];
}

export const ACCURACY_SET = path.join(
  __dirname,
  '..',
  'fixtures',
  'redaction',
  'accuracy-set.json',
);

export const ACCURACY_SET_2 = path.join(path.dirname(ACCURACY_SET), 'accuracy-set-2.json');
export const ACCURACY_SET_3 = path.join(path.dirname(ACCURACY_SET), 'accuracy-set-3.json');

/** The cases of the first set, of the first two (`both`), or of all three (`all`). */
export function loadAccuracySet(sets: 'first' | 'both' | 'all' = 'first'): LabelledCase[] {
  const read = (file: string) =>
    (JSON.parse(fs.readFileSync(file, 'utf8')) as { cases: LabelledCase[] }).cases;
  const files = { first: [ACCURACY_SET], both: [ACCURACY_SET, ACCURACY_SET_2] }[sets as string] ?? [
    ACCURACY_SET,
    ACCURACY_SET_2,
    ACCURACY_SET_3,
  ];
  return files.flatMap(read);
}

export interface Tally {
  turns: number;
  identifiers: number;
  caught: number;
  falsePositives: number;
  lookalikes: number;
  lookalikesKept: number;
  byKind: Record<string, { identifiers: number; caught: number }>;
  /** Where it went wrong (case id, turn, what). */
  misses: string[];
}

export interface AccuracyFigures {
  recall: number;
  precision: number;
  lookalikesKept: number;
}

export const figures = (t: Tally): AccuracyFigures => ({
  recall: t.identifiers === 0 ? 1 : t.caught / t.identifiers,
  precision: t.caught + t.falsePositives === 0 ? 1 : t.caught / (t.caught + t.falsePositives),
  lookalikesKept: t.lookalikes === 0 ? 1 : t.lookalikesKept / t.lookalikes,
});

const emptyTally = (): Tally => ({
  turns: 0,
  identifiers: 0,
  caught: 0,
  falsePositives: 0,
  lookalikes: 0,
  lookalikesKept: 0,
  byKind: {},
  misses: [],
});

const FULL_WIDTH = /[０-９]/g;
const asciiDigits = (s: string) =>
  s.replace(FULL_WIDTH, (d) => String(d.charCodeAt(0) - 0xff10)).replace(/\D/g, '');

/** Whether four digits in a row of the identifier are still in some number of the turn. */
function digitsLeft(identifier: string, redacted: string): boolean {
  const digits = asciiDigits(identifier);
  if (digits.length < 4) return false;
  let unmasked = redacted;
  for (const m of masksIn(redacted).reverse()) {
    unmasked = `${unmasked.slice(0, m.start)} | ${unmasked.slice(m.end)}`;
  }
  const numbers = [...unmasked.matchAll(/\d(?:[\d\s.\-–]*\d)?/g)].map((m) => asciiDigits(m[0]));
  for (let i = 0; i + 4 <= digits.length; i++) {
    const window = digits.slice(i, i + 4);
    if (numbers.some((n) => n.includes(window))) return true;
  }
  return false;
}

/** Masks in the turn, neighbours separated only by spaces or punctuation counted as one. */
function maskGroups(redacted: string): number {
  const masks = masksIn(redacted).filter((m) => m.kind !== 'pre_redacted');
  let groups = 0;
  let lastEnd = -1;
  for (const m of masks) {
    if (lastEnd < 0 || !/^[\s,.\-–]*$/.test(redacted.slice(lastEnd, m.start))) groups++;
    lastEnd = m.end;
  }
  return groups;
}

/** Scores every case; tallies per `split/language` (e.g. `test/ko`). */
export function scoreAccuracySet(
  cases: LabelledCase[],
  address: AddressLevel = 'detail',
): Record<string, Tally> {
  const tallies: Record<string, Tally> = {};
  for (const c of cases) {
    const key = `${c.split}/${c.language}`;
    const tally = (tallies[key] ??= emptyTally());
    const result = redactTranscript(
      c.turns.map((t) => ({ speaker: t.speaker, text: t.text })),
      { language: c.language, address },
    );
    c.turns.forEach((turn, i) => {
      const redacted = result.turns[i].text;
      tally.turns++;
      let caught = 0;
      for (const p of turn.pii) {
        const kind = (tally.byKind[p.kind] ??= { identifiers: 0, caught: 0 });
        kind.identifiers++;
        tally.identifiers++;
        if (!redacted.includes(p.text) && !digitsLeft(p.text, redacted)) {
          caught++;
          kind.caught++;
        } else {
          tally.misses.push(
            `${c.id} turn ${i}: ${p.kind} not masked: "${turn.text}" → "${redacted}"`,
          );
        }
      }
      let changed = 0;
      for (const k of turn.keep) {
        tally.lookalikes++;
        if (redacted.includes(k)) tally.lookalikesKept++;
        else {
          changed++;
          tally.misses.push(`${c.id} turn ${i}: lookalike masked: "${k}" → "${redacted}"`);
        }
      }
      const groups = maskGroups(redacted);
      const extra = Math.max(groups - caught, changed, 0);
      if (groups > caught && changed === 0 && turn.pii.length === 0) {
        tally.misses.push(
          `${c.id} turn ${i}: masked with nothing to mask: "${turn.text}" → "${redacted}"`,
        );
      }
      tally.caught += caught;
      tally.falsePositives += extra;
    });
  }
  return tallies;
}

/** Several tallies as one. */
export function sumTallies(tallies: Tally[]): Tally {
  const sum = emptyTally();
  for (const t of tallies) {
    sum.turns += t.turns;
    sum.identifiers += t.identifiers;
    sum.caught += t.caught;
    sum.falsePositives += t.falsePositives;
    sum.lookalikes += t.lookalikes;
    sum.lookalikesKept += t.lookalikesKept;
    sum.misses.push(...t.misses);
    for (const [kind, k] of Object.entries(t.byKind)) {
      const into = (sum.byKind[kind] ??= { identifiers: 0, caught: 0 });
      into.identifiers += k.identifiers;
      into.caught += k.caught;
    }
  }
  return sum;
}
