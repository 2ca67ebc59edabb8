/**
 * The geometry of the small server-rendered line charts (weekly trends): plain numbers that a
 * Handlebars template turns into SVG attributes, so the pages need no chart library and no
 * inline style. A missing value breaks the line. Pure.
 */
export interface SeriesInput {
  name: string;
  /** The CSS class of the line and its dots (colour comes from analytics.css). */
  className: string;
  values: (number | null)[];
  /** Where a dot links to (the calls behind the value), aligned with `values`. */
  hrefs?: (string | null)[];
}

export interface ChartDot {
  x: number;
  y: number;
  title: string;
  href: string | null;
}

export interface LineChart {
  width: number;
  height: number;
  /** The plot area's left and right edge and its baseline, for the axis lines. */
  left: number;
  right: number;
  bottom: number;
  grid: { y: number; label: string }[];
  xLabels: { x: number; label: string }[];
  series: { name: string; className: string; lines: string[]; dots: ChartDot[] }[];
  empty: boolean;
}

export interface ChartOptions {
  min: number;
  max: number;
  ticks: number[];
  format: (value: number) => string;
  width?: number;
  height?: number;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

export function lineChart(
  labels: string[],
  series: SeriesInput[],
  options: ChartOptions,
): LineChart {
  const width = options.width ?? 640;
  const height = options.height ?? 200;
  const left = 44;
  const right = width - 12;
  const top = 12;
  const bottom = height - 28;
  const span = options.max - options.min || 1;
  const x = (i: number) =>
    round1(
      labels.length <= 1 ? (left + right) / 2 : left + ((right - left) * i) / (labels.length - 1),
    );
  const y = (v: number) =>
    round1(
      bottom -
        ((Math.min(Math.max(v, options.min), options.max) - options.min) / span) * (bottom - top),
    );
  // At most ~10 x labels, evenly spread, always the last one.
  const every = Math.max(1, Math.ceil(labels.length / 10));
  return {
    width,
    height,
    left,
    right,
    bottom,
    grid: options.ticks.map((t) => ({ y: y(t), label: options.format(t) })),
    xLabels: labels
      .map((label, i) => ({ x: x(i), label, i }))
      .filter(({ i }) => i % every === 0 || i === labels.length - 1)
      .map(({ x: at, label }) => ({ x: at, label })),
    series: series.map((s) => {
      const lines: string[] = [];
      let current: string[] = [];
      const dots: ChartDot[] = [];
      s.values.forEach((v, i) => {
        if (v === null) {
          if (current.length > 0) lines.push(current.join(' '));
          current = [];
          return;
        }
        current.push(`${x(i)},${y(v)}`);
        dots.push({
          x: x(i),
          y: y(v),
          title: `${s.name} ${labels[i]}: ${options.format(v)}`,
          href: s.hrefs?.[i] ?? null,
        });
      });
      if (current.length > 0) lines.push(current.join(' '));
      return { name: s.name, className: s.className, lines, dots };
    }),
    empty: series.every((s) => s.values.every((v) => v === null)),
  };
}
