/**
 * `npm run autoqa:accuracy [-- --misses]`: how often auto-QA agrees with the hand-labelled set
 * (test/fixtures/autoqa), per criterion and overall. Targets: ≥ 90 % overall, no criterion
 * below 75 %.
 */
import {
  AccuracyReport,
  measureAccuracy,
  measureDemoAccuracy,
} from '../test/support/autoqa-accuracy';

const pct = (r: number) => `${(r * 100).toFixed(1)}%`;

function print(title: string, report: AccuracyReport): void {
  console.log(title);
  for (const c of report.criteria.sort((a, b) => a.rate - b.rate)) {
    const flag = c.rate < 0.75 ? '  ← below 75 %' : '';
    console.log(
      `  ${c.key.padEnd(26)} ${String(c.agreed).padStart(4)}/${String(c.compared).padEnd(4)} ${pct(c.rate).padStart(6)}${flag}`,
    );
    if (process.argv.includes('--misses'))
      for (const m of c.misses.slice(0, 8)) console.log(`      ${m}`);
  }
  console.log(
    `overall: ${report.agreed}/${report.compared} = ${pct(report.overall)} (target ≥ 90 %)\n`,
  );
}

const labelled = measureAccuracy();
print(`1. hand-labelled set: ${labelled.files} transcripts (test/fixtures/autoqa)`, labelled);
const demo = measureDemoAccuracy();
print(
  `2. generated demo calls: ${demo.files} calls, labels = what the generator made the agent do`,
  demo,
);
