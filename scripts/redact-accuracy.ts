/**
 * `npm run redact:accuracy [-- --misses] [-- --dev-only]`: the redactor on the labelled turns in
 * test/fixtures/redaction/ — accuracy-set.json (splits dev, test), accuracy-set-2.json (dev-2,
 * test-2) and accuracy-set-3.json (dev-3, test-3): recall on identifiers, precision and
 * lookalikes kept, per language, for the dev splits (tune on them; `--misses` lists their misses)
 * and the locked splits (figures only, never their misses), then the locked splits together.
 * `--dev-only` scores the dev splits alone (while tuning, so a locked split is not scored
 * before its one scoring). Targets: recall ≥ 99 %, precision ≥ 95 %.
 */
import {
  figures,
  loadAccuracySet,
  scoreAccuracySet,
  sumTallies,
  type LabelledCase,
  type Tally,
} from '../test/support/redaction-accuracy';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const showMisses = process.argv.includes('--misses');
const devOnly = process.argv.includes('--dev-only');

const DEV = ['dev', 'dev-2', 'dev-3'] as const;
const LOCKED = ['test', 'test-2', 'test-3'] as const;

function line(label: string, t: Tally): string {
  const f = figures(t);
  return (
    `  ${label.padEnd(6)} ${String(t.turns).padStart(5)} turns  recall ${pct(f.recall).padStart(6)} ` +
    `(${t.caught}/${t.identifiers})  precision ${pct(f.precision).padStart(6)} ` +
    `(${t.falsePositives} false)  lookalikes kept ${pct(f.lookalikesKept).padStart(6)} ` +
    `(${t.lookalikesKept}/${t.lookalikes})`
  );
}

function print(title: string, ko: Tally, en: Tally): Tally {
  const all = sumTallies([ko, en]);
  console.log(title);
  console.log(line('ko', ko));
  console.log(line('en', en));
  console.log(line('all', all));
  const kinds = Object.entries(all.byKind)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([kind, k]) => `${kind} ${k.caught}/${k.identifiers}`)
    .join(', ');
  console.log(`  by kind: ${kinds}`);
  return all;
}

const splits: readonly LabelledCase['split'][] = devOnly ? DEV : [...DEV, ...LOCKED];
const cases = loadAccuracySet('all').filter((c) => splits.includes(c.split));
const tallies = scoreAccuracySet(cases);
for (const split of DEV) {
  const all = print(`${split} split (tuned on):`, tallies[`${split}/ko`], tallies[`${split}/en`]);
  if (showMisses) for (const m of all.misses) console.log(`    ${m}`);
}
if (!devOnly) {
  for (const split of LOCKED) {
    print(
      `${split} split (locked, never tuned on):`,
      tallies[`${split}/ko`],
      tallies[`${split}/en`],
    );
  }
  // Misses are never printed for the locked splits, together or apart.
  print(
    `locked splits together (${LOCKED.join(' + ')}):`,
    sumTallies(LOCKED.map((split) => tallies[`${split}/ko`])),
    sumTallies(LOCKED.map((split) => tallies[`${split}/en`])),
  );
}
