/**
 * `npm run abuse:accuracy [-- --misses]`: the abuse detector's precision and recall per
 * language on the labelled turns in test/fixtures/abuse/ — the dev split (tune on it;
 * `--misses` lists its misses) and the locked test split (figures only, never its misses).
 */
import {
  abuseFigures,
  loadAbuseSplit,
  scoreAbuse,
  type AbuseTally,
} from '../test/support/abuse-accuracy';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const showMisses = process.argv.includes('--misses');

function line(label: string, t: AbuseTally): string {
  const f = abuseFigures(t);
  return (
    `  ${label.padEnd(4)} ${String(t.turns).padStart(4)} turns  ` +
    `precision ${pct(f.precision).padStart(6)} (${t.truePositives}/${t.truePositives + t.falsePositives})  ` +
    `recall ${pct(f.recall).padStart(6)} (${t.truePositives}/${t.abusive})`
  );
}

for (const split of ['dev', 'test'] as const) {
  const tallies = scoreAbuse(loadAbuseSplit(split));
  console.log(split === 'dev' ? 'dev split (tuned on):' : 'test split (locked, never tuned on):');
  console.log(line('ko', tallies.ko));
  console.log(line('en', tallies.en));
  console.log(line('all', tallies.all));
  if (split === 'dev' && showMisses) for (const m of tallies.all.misses) console.log(`    ${m}`);
}
