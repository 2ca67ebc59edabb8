/**
 * The quick-start demo's script A/B test (DEMO_EXPERIMENT): with the default 200 calls the new
 * script shows a real CSAT difference and no FCR difference, through the same analysis the
 * experiment page runs.
 */
import { DEMO_EXPERIMENT, generateDemoContactCenter } from '../../../src/demo/demo-data';
import {
  analyseExperiment,
  type ExperimentCall,
} from '../../../src/experiments/experiment-analysis';

describe('the demo experiment', () => {
  const center = generateDemoContactCenter({ now: '2026-11-20T18:00:00+09:00' });
  const calls: ExperimentCall[] = center.calls
    .map((c, i) => ({ meta: c.transcript.meta, i, turns: c.transcript.turns }))
    .filter(({ meta }) => (meta.metadata as { script?: string }).script !== undefined)
    .map(({ meta, i, turns }) => {
      const m = meta.metadata as { script: string; csat: number; fcr: boolean };
      return {
        interactionId: i,
        variant: m.script,
        csat: m.csat,
        fcr: m.fcr,
        ahtSeconds: turns.reduce((end, t) => Math.max(end, t.endMs), 0) / 1000,
        qaScore: null,
        criteria: new Map(),
      };
    });

  it('puts the last 4 weeks of calls in A and B, alternately', () => {
    const cutoff = Date.parse('2026-11-20T18:00:00+09:00') - DEMO_EXPERIMENT.weeks * 7 * 86_400_000;
    for (const c of center.calls) {
      const script = (c.transcript.meta.metadata as { script?: string }).script;
      expect(script !== undefined).toBe(Date.parse(c.transcript.meta.startedAt!) >= cutoff);
    }
    const counts = calls.reduce((n, c) => n.set(c.variant, (n.get(c.variant) ?? 0) + 1), new Map());
    expect(counts.get('A')).toBeGreaterThanOrEqual(30);
    expect(Math.abs(counts.get('A') - counts.get('B'))).toBeLessThanOrEqual(1);
  });

  it('shows a significant CSAT difference and none on FCR', () => {
    const result = analyseExperiment(DEMO_EXPERIMENT.variants, calls, []);
    const csat = result.comparisons.find((c) => c.metric === 'csat')!;
    const fcr = result.comparisons.find((c) => c.metric === 'fcr')!;
    expect(csat.test!.test).toBe('welch_t');
    expect(csat.test!.pValue).toBeLessThan(0.05);
    expect(csat.difference!.estimate).toBeGreaterThan(0.5);
    expect(csat.difference!.ci.low).toBeGreaterThan(0);
    expect(fcr.test!.pValue).toBeGreaterThan(0.05);
    expect(fcr.difference!.ci.low).toBeLessThan(0);
    expect(fcr.difference!.ci.high).toBeGreaterThan(0);
    // The FCR difference seen would need far more calls than the demo has to be detected.
    expect(fcr.neededPerVariant!).toBeGreaterThan(result.variants[0].calls);
  });
});
