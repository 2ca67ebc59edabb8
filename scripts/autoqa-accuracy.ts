/**
 * `npm run autoqa:accuracy [-- --misses]`: how often auto-QA agrees with the hand-labelled set
 * (test/fixtures/autoqa), per criterion and overall. Targets: ≥ 90 % overall, no criterion
 * below 75 %.
 */
import { measureAccuracy } from '../test/support/autoqa-accuracy';

const report = measureAccuracy();
const pct = (r: number) => `${(r * 100).toFixed(1)}%`;
console.log(`auto-QA accuracy on ${report.files} labelled transcripts`);
for (const c of report.criteria.sort((a, b) => a.rate - b.rate)) {
  const flag = c.rate < 0.75 ? '  ← below 75 %' : '';
  console.log(
    `  ${c.key.padEnd(26)} ${String(c.agreed).padStart(3)}/${String(c.compared).padEnd(3)} ${pct(c.rate).padStart(6)}${flag}`,
  );
  if (process.argv.includes('--misses')) for (const m of c.misses) console.log(`      ${m}`);
}
console.log(
  `overall: ${report.agreed}/${report.compared} = ${pct(report.overall)} (target ≥ 90 %)`,
);
