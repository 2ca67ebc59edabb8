/** The experiments list (with the form) and one experiment's result page. Pure. */
import { translator } from '../../analytics/views/format';
import { callsByIdHref, callsListHref } from '../../common/calls-link';
import type { Interval, MeanEstimate, ProportionEstimate } from '../../statistics';
import { round, pctText } from '../../outcomes/views/format';
import { ASSIGNMENTS, type Experiment } from '../entities/experiment.entity';
import type { Comparison } from '../experiment-analysis';
import type { ExperimentReport } from '../experiments.service';

export const FORM_FIELDS = [
  'name',
  'description',
  'assignment',
  'field',
  'variants',
  'scorecard',
  'criteria',
  'from',
  'to',
] as const;

type T = ReturnType<typeof translator>;

export function experimentsListPage(
  experiments: Experiment[],
  lang: string,
  scorecards: { key: string; name: string }[],
  canCreate: boolean,
  values: Record<string, string>,
  error: { field: string | null; message: string } | null,
) {
  const t = translator(lang);
  return {
    title: t('experiments.title'),
    experiments: experiments.map((e) => ({
      id: e.id,
      name: e.name,
      period: `${e.fromDay} – ${e.toDay}`,
      assignment: assignmentText(e, t),
      variants: e.variants.map((v) => v.label).join(' / '),
    })),
    canCreate,
    values,
    assignments: ASSIGNMENTS.map((a) => ({
      key: a,
      label: t(`experiments.assignment.${a}`),
      selected: (values.assignment || 'metadata') === a,
    })),
    scorecards: scorecards.map((s) => ({ ...s, selected: s.key === values.scorecard })),
    ...errorsOf(error),
  };
}

/** The error beside its field (`variants.1.value` → variants, named in full), or above the form. */
function errorsOf(error: { field: string | null; message: string } | null) {
  if (!error) return { fieldError: {}, formError: null };
  const top = error.field?.split('.')[0];
  if (!top || !(FORM_FIELDS as readonly string[]).includes(top)) {
    return {
      fieldError: {},
      formError: error.field ? `${error.field}: ${error.message}` : error.message,
    };
  }
  const message = error.field === top ? error.message : `${error.field}: ${error.message}`;
  return { fieldError: { [top]: message }, formError: null };
}

function assignmentText(e: Experiment, t: T): string {
  if (e.assignment === 'metadata') return t('experiments.byMetadata', { field: e.field ?? '' });
  return t(`experiments.assignment.${e.assignment}`);
}

const isRate = (metric: string) => metric === 'fcr' || metric.startsWith('criterion:');

function format(metric: string, n: number): string {
  if (isRate(metric)) return pctText(n);
  return String(round(n, metric === 'aht' ? 0 : 2));
}

function estimateText(metric: string, e: MeanEstimate | ProportionEstimate) {
  const v = 'rate' in e ? e.rate : e.mean;
  return {
    text: v === null ? '–' : format(metric, v),
    ci: e.ci ? intervalText(metric, e.ci) : '',
    n: e.n,
  };
}

function intervalText(metric: string, ci: Interval, signed = false): string {
  const f = (n: number) =>
    isRate(metric) && signed
      ? `${n >= 0 ? '+' : ''}${round(n * 100)} pt`
      : `${signed && n >= 0 ? '+' : ''}${format(metric, n)}`;
  return `${f(ci.low)} … ${f(ci.high)}`;
}

export function experimentPage(report: ExperimentReport, lang: string) {
  const t = translator(lang);
  const { experiment, result } = report;
  const metricLabel = (metric: string) =>
    metric.startsWith('criterion:')
      ? (report.criterionLabels[metric.slice(10)] ?? metric.slice(10))
      : t(`experiments.metric.${metric}`);
  const labelOf = new Map(experiment.variants.map((v) => [v.key, v.label]));
  const control = result.variants[0];
  const comparison = (c: Comparison) => {
    const variant = result.variants.find((v) => v.key === c.variant)!;
    const significant = c.test !== null && c.test.pValue < 0.05;
    return {
      metric: c.metric,
      label: metricLabel(c.metric),
      kind: t(`experiments.kind.${c.kind}`),
      control: estimateText(c.metric, control.metrics[c.metric]),
      variant: estimateText(c.metric, variant.metrics[c.metric]),
      variantLabel: labelOf.get(c.variant) ?? c.variant,
      difference: c.difference
        ? {
            text: isRate(c.metric)
              ? `${c.difference.estimate >= 0 ? '+' : ''}${round(c.difference.estimate * 100)} pt`
              : `${c.difference.estimate >= 0 ? '+' : ''}${format(c.metric, c.difference.estimate)}`,
            ci: intervalText(c.metric, c.difference.ci, true),
          }
        : { text: '–', ci: '' },
      effect:
        c.effectSize === null
          ? '–'
          : c.kind === 'mean'
            ? `d = ${round(c.effectSize, 2)}`
            : `${round(c.effectSize * 100)} pt`,
      test: c.test ? t(`outcomes.test.${c.test.test}`) : '–',
      p: c.test ? (c.test.pValue < 0.001 ? '< 0.001' : String(round(c.test.pValue, 3))) : '–',
      significant,
      verdict:
        c.test === null
          ? ''
          : significant
            ? t('experiments.significant')
            : t('experiments.notSignificant'),
      needed: c.neededPerVariant === null ? '–' : String(c.neededPerVariant),
      underpowered:
        c.neededPerVariant !== null &&
        (control.metrics[c.metric].n < c.neededPerVariant ||
          variant.metrics[c.metric].n < c.neededPerVariant),
      small: c.smallSample,
    };
  };
  return {
    title: `${experiment.name} · ${t('experiments.title')}`,
    experiment,
    assignment: assignmentText(experiment, t),
    period: report.period,
    variants: result.variants.map((v) => {
      const value = experiment.variants.find((x) => x.key === v.key)?.value ?? '';
      const period = { from: report.period.from, to: report.period.to };
      return {
        key: v.key,
        label: v.label,
        value,
        calls: v.calls,
        // Exactly the variant's calls; past the ids a link can carry, a queue still selects them.
        href:
          callsByIdHref(v.callIds, period) ??
          (experiment.assignment === 'queue' && v.calls > 0
            ? callsListHref({ ...period, queue: value })
            : null),
      };
    }),
    controlLabel: control?.label ?? '',
    comparisons: result.comparisons.map(comparison),
    ambiguous: result.ambiguous,
  };
}
