/**
 * The coaching plan as a self-contained HTML page for Chromium to print: views/coaching/plan-pdf.hbs
 * with the app's view helpers, a trend chart drawn as SVG, Korean set in NanumGothic (installed by
 * fonts-nanum; Chromium embeds the glyphs it uses in the PDF).
 */
import * as fs from 'fs';
import hbs from 'hbs';
import * as path from 'path';
import { viewHelpers } from '../common/view-helpers';
import { viewsDir } from '../common/views-dir';
import type { PlanContent } from './plan-content';

let template: HandlebarsTemplateDelegate | null = null;

function compiled(): HandlebarsTemplateDelegate {
  if (template) return template;
  const handlebars = hbs.create().handlebars;
  for (const [name, helper] of Object.entries(viewHelpers))
    handlebars.registerHelper(name, helper as Handlebars.HelperDelegate);
  const file = path.join(viewsDir(), 'coaching', 'plan-pdf.hbs');
  template = handlebars.compile(fs.readFileSync(file, 'utf8'));
  return template;
}

export function renderPlanHtml(content: PlanContent, lang: 'ko' | 'en'): string {
  return compiled()({
    lang,
    plan: content,
    chart: new hbs.handlebars.SafeString(trendSvg(content.summary.weeks)),
    focus: content.focus.map((f, i) => ({ ...f, number: i + 1 })),
  });
}

/** A small line chart of weekly averages (0–100), labelled; empty weeks break the line. */
export function trendSvg(weeks: { week: string; average: number | null }[]): string {
  const width = 520;
  const height = 150;
  const pad = { left: 30, right: 10, top: 10, bottom: 28 };
  const w = width - pad.left - pad.right;
  const h = height - pad.top - pad.bottom;
  const x = (i: number) => pad.left + (weeks.length <= 1 ? w / 2 : (i * w) / (weeks.length - 1));
  const y = (v: number) => pad.top + h - (v / 100) * h;
  const parts: string[] = [];
  for (const tick of [0, 50, 100]) {
    parts.push(
      `<line x1="${pad.left}" x2="${width - pad.right}" y1="${y(tick)}" y2="${y(tick)}" stroke="#ddd"/>`,
      `<text x="${pad.left - 4}" y="${y(tick) + 3}" font-size="8" text-anchor="end" fill="#666">${tick}</text>`,
    );
  }
  let segment: string[] = [];
  const flush = () => {
    if (segment.length > 1) {
      parts.push(
        `<polyline fill="none" stroke="#1f5fae" stroke-width="2" points="${segment.join(' ')}"/>`,
      );
    }
    segment = [];
  };
  weeks.forEach((week, i) => {
    if (week.average === null) return flush();
    segment.push(`${x(i).toFixed(1)},${y(week.average).toFixed(1)}`);
    parts.push(
      `<circle cx="${x(i).toFixed(1)}" cy="${y(week.average).toFixed(1)}" r="3" fill="#1f5fae"/>`,
      `<text x="${x(i).toFixed(1)}" y="${(y(week.average) - 6).toFixed(1)}" font-size="8" text-anchor="middle">${Math.round(week.average)}</text>`,
    );
  });
  flush();
  weeks.forEach((week, i) => {
    parts.push(
      `<text x="${x(i).toFixed(1)}" y="${height - 10}" font-size="8" text-anchor="middle" fill="#666">${week.week.slice(5)}</text>`,
    );
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img">${parts.join('')}</svg>`;
}
