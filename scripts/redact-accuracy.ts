/**
 * `npm run redact:accuracy [-- --misses]`: the redactor on the labelled turns in
 * test/fixtures/redaction/accuracy-set.json (splits dev, test) and accuracy-set-2.json (dev-2,
 * test-2) — recall on identifiers, precision and lookalikes kept, per language, for the dev
 * splits (tune on them; `--misses` lists their misses) and the locked splits (figures only,
 * never their misses). Targets: recall ≥ 99 %, precision ≥ 95 %.
 */
import {
  figures,
  loadAccuracySet,
  scoreAccuracySet,
  sumTallies,
  type Tally,
} from '../test/support/redaction-accuracy';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const showMisses = process.argv.includes('--misses');

function line(label: string, t: Tally): string {
  const f = figures(t);
  return (
    `  ${label.padEnd(6)} ${String(t.turns).padStart(5)} turns  recall ${pct(f.recall).padStart(6)} ` +
    `(${t.caught}/${t.identifiers})  precision ${pct(f.precision).padStart(6)} ` +
    `(${t.falsePositives} false)  lookalikes kept ${pct(f.lookalikesKept).padStart(6)} ` +
    `(${t.lookalikesKept}/${t.lookalikes})`
  );
}

const tallies = scoreAccuracySet(loadAccuracySet('both'));
for (const split of ['dev', 'test', 'dev-2', 'test-2'] as const) {
  const ko = tallies[`${split}/ko`];
  const en = tallies[`${split}/en`];
  const all = sumTallies([ko, en]);
  const tuned = split.startsWith('dev');
  console.log(`${split} split (${tuned ? 'tuned on' : 'locked, never tuned on'}):`);
  console.log(line('ko', ko));
  console.log(line('en', en));
  console.log(line('all', all));
  const kinds = Object.entries(all.byKind)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([kind, k]) => `${kind} ${k.caught}/${k.identifiers}`)
    .join(', ');
  console.log(`  by kind: ${kinds}`);
  if (tuned && showMisses) for (const m of all.misses) console.log(`    ${m}`);
}
