/**
 * `npm run autoqa:accuracy [-- --misses] [-- --no-names] [-- --dev-only]`: how often auto-QA agrees with people
 * who labelled calls by the QA guide (test/fixtures/autoqa-corpus/QA-GUIDE.md).
 *
 * 1. the dev split (rules may be tuned on it; `--misses` lists where auto-QA disagrees), which
 *    includes the first locked test split (unlocked 2026-12-05), holdout-2, holdout-3, holdout-4
 *    and holdout-5 (unlocked 2026-12-06), holdout-9, -10 and -12 to -17 (unlocked 2026-12-07),
 *    each scored at releases before it was unlocked;
 * 2. the locked holdout splits (each written separately, never tuned on): figures only, never misses;
 * 3. the demo generator's calls, whose behaviour flags say what each agent did (a regression
 *    check written apart from the packs; its flags predate the QA guide in places).
 *
 * Targets on the locked split: ≥ 90 % strict overall, every criterion ≥ 80 %.
 */
import { AccuracyReport, measureDemoAccuracy } from '../test/support/autoqa-accuracy';
import * as fs from 'fs';
import * as path from 'path';
import { CORPUS, CorpusReport, measureCorpus } from '../test/support/autoqa-corpus';

const pct = (n: number, d: number) => (d === 0 ? '   -  ' : `${((n / d) * 100).toFixed(1)}%`);
const showMisses = process.argv.includes('--misses');
const names = !process.argv.includes('--no-names');

function printCorpus(title: string, r: CorpusReport, misses: boolean): void {
  console.log(`${title}: ${r.calls} calls`);
  console.log(
    `  ${'criterion'.padEnd(22)} ${'n'.padStart(4)} ${'strict'.padStart(7)} ${'lenient'.padStart(7)} ${'coverage'.padStart(8)} ${'acc@cov'.padStart(7)}`,
  );
  for (const c of [...r.criteria].sort((a, b) => a.strict / a.compared - b.strict / b.compared)) {
    const flag = c.strict / c.compared < 0.8 ? '  ← below 80 %' : '';
    console.log(
      `  ${c.key.padEnd(22)} ${String(c.compared).padStart(4)} ${pct(c.strict, c.compared).padStart(7)} ${pct(c.lenient, c.compared).padStart(7)} ${pct(c.covered, c.compared).padStart(8)} ${pct(c.coveredAgreed, c.covered).padStart(7)}${flag}`,
    );
    if (misses) for (const m of c.misses) console.log(`      ${m}`);
  }
  const styles = Object.entries(r.byStyle)
    .map(([s, v]) => `${s} ${v.calls} calls ${pct(v.strict, v.compared)}`)
    .join(', ');
  console.log(
    `  overall: strict ${r.strict}/${r.compared} = ${pct(r.strict, r.compared)}, lenient ${pct(r.lenient, r.compared)}, ` +
      `coverage ${pct(r.covered, r.compared)} with ${pct(r.coveredAgreed, r.covered)} accuracy (${styles})`,
  );
  console.log(
    `  metrics exact: ${r.metrics.exact}/${r.metrics.compared} (interruptions, longest silence)`,
  );
  if (misses) for (const m of r.metrics.misses) console.log(`      ${m}`);
  console.log('');
}

function printOld(title: string, report: AccuracyReport): void {
  console.log(
    `${title}: ${report.agreed}/${report.compared} = ${pct(report.agreed, report.compared)}`,
  );
}

const label = names ? 'agent and company names known' : 'no names known (bare files)';
printCorpus(`1. dev split (tuned on), ${label}`, measureCorpus('dev', names), showMisses);
if (process.argv.includes('--dev-only')) process.exit(0);
printCorpus(
  `2. LOCKED holdout-6 (written 2026-12-06, never tuned on; scored after the fifth and sixth rounds), ${label}`,
  measureCorpus('holdout-6', names),
  false,
);
if (fs.existsSync(path.join(CORPUS, 'holdout-7'))) {
  printCorpus(
    `2b. LOCKED holdout-7 (written 2026-12-06 during the sixth round, never tuned on), ${label}`,
    measureCorpus('holdout-7', names),
    false,
  );
}
if (fs.existsSync(path.join(CORPUS, 'holdout-8'))) {
  printCorpus(
    `2c. LOCKED holdout-8 (written 2026-12-06/07 during the seventh round, never tuned on), ${label}`,
    measureCorpus('holdout-8', names),
    false,
  );
}
if (fs.existsSync(path.join(CORPUS, 'holdout-11'))) {
  printCorpus(
    `2d. LOCKED holdout-11 (written 2026-12-07 during the tenth round, never tuned on), ${label}`,
    measureCorpus('holdout-11', names),
    false,
  );
}
if (fs.existsSync(path.join(CORPUS, 'holdout-18'))) {
  printCorpus(
    `2e. LOCKED holdout-18 (written 2026-12-07 during the seventeenth round, never tuned on), ${label}`,
    measureCorpus('holdout-18', names),
    false,
  );
}
if (fs.existsSync(path.join(CORPUS, 'holdout-20'))) {
  printCorpus(
    `2f. LOCKED holdout-20 (written 2026-12-07/08 during the eighteenth round, never tuned on), ${label}`,
    measureCorpus('holdout-20', names),
    false,
  );
}
printOld('3. demo generator calls', measureDemoAccuracy());
