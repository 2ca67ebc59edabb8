/**
 * `npm run abuse:accuracy [-- --misses] [-- --dev-only]`: the abuse detector's precision and
 * recall per language on the labelled turns in test/fixtures/abuse/ — the dev splits (dev, dev-2:
 * tune on them; `--misses` lists their misses), the locked splits (test, test-2: figures only,
 * never their misses) and both locked splits together. `--dev-only` scores the dev splits alone
 * (while tuning, so a locked split is not scored before its one scoring).
 */
import {
  abuseFigures,
  DEV_SPLITS,
  loadAbuseSplit,
  LOCKED_SPLITS,
  scoreAbuse,
  type AbuseTally,
} from '../test/support/abuse-accuracy';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const showMisses = process.argv.includes('--misses');
const devOnly = process.argv.includes('--dev-only');

function line(label: string, t: AbuseTally): string {
  const f = abuseFigures(t);
  return (
    `  ${label.padEnd(4)} ${String(t.turns).padStart(4)} turns  ` +
    `precision ${pct(f.precision).padStart(6)} (${t.truePositives}/${t.truePositives + t.falsePositives})  ` +
    `recall ${pct(f.recall).padStart(6)} (${t.truePositives}/${t.abusive})`
  );
}

function print(title: string, tallies: Record<'ko' | 'en' | 'all', AbuseTally>): void {
  console.log(title);
  console.log(line('ko', tallies.ko));
  console.log(line('en', tallies.en));
  console.log(line('all', tallies.all));
}

for (const split of DEV_SPLITS) {
  const tallies = scoreAbuse(loadAbuseSplit(split));
  print(`${split} split (tuned on):`, tallies);
  if (showMisses) for (const m of tallies.all.misses) console.log(`    ${m}`);
}
if (!devOnly) {
  for (const split of LOCKED_SPLITS) {
    print(`${split} split (locked, never tuned on):`, scoreAbuse(loadAbuseSplit(split)));
  }
  // Misses are never printed for the locked splits, together or apart.
  const locked = scoreAbuse(LOCKED_SPLITS.flatMap((split) => loadAbuseSplit(split)));
  print(`locked splits together (${LOCKED_SPLITS.join(' + ')}):`, locked);
}
