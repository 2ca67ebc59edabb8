/**
 * Auto-QA evidence for a page in the reader's language: a turn is quoted as it was said; a
 * measurement (the source's interruption count, its longest silence, the talk share) is named
 * from the locale files (`autoqa.evidence.*`) instead of the engine's English sentence; a number
 * reads in seconds or as a share, never as raw milliseconds. Pure.
 */
import type { Evidence } from '../../autoqa/autoqa.types';
import { hasTranslation, translate } from './i18n';

export interface EvidenceText {
  turn: number | null;
  startMs: number | null;
  /** What was said (shown in quotes), or what was measured (shown plain). */
  text: string;
  quoted: boolean;
  /** The matched phrase or the measured number, as read; absent when there is none. */
  valueText?: string;
  /** The turn that made the criterion apply (the complaint, the refusal), not what was judged. */
  because?: true;
}

/**
 * `reasonCode` is the answer's (stored beside its items): it tells what a number of an item
 * stored before items said their unit means (a silence or an overlap, in milliseconds).
 */
export function evidenceText(
  lang: string,
  items: readonly Evidence[],
  reasonCode?: string | null,
): EvidenceText[] {
  return items.map((item) => {
    const measure = item.measure;
    const named = measure !== undefined && hasTranslation(`autoqa.evidence.${measure.code}`);
    const text = named
      ? translate(lang, `autoqa.evidence.${measure.code}`, numbers(lang, measure.params))
      : item.text;
    const valueText = valueOf(lang, item, unitOf(item, reasonCode));
    return {
      turn: item.turn,
      startMs: item.startMs,
      text,
      quoted: !named,
      ...(valueText === undefined ? {} : { valueText }),
      ...(item.condition ? { because: true as const } : {}),
    };
  });
}

function unitOf(item: Evidence, reasonCode?: string | null): Evidence['unit'] {
  if (item.unit !== undefined || typeof item.value !== 'number') return item.unit;
  // Stored before evidence carried its unit: a silence's gaps and an interruption's overlap
  // were milliseconds.
  const code = reasonCode ?? '';
  if (code.startsWith('silence.') && item.measure === undefined) return 'ms';
  if (code.startsWith('interruptions.') && item.turn !== null) return 'ms';
  return undefined;
}

function valueOf(lang: string, item: Evidence, unit: Evidence['unit']): string | undefined {
  const value = item.value;
  if (value === undefined || value === '') return undefined;
  if (typeof value === 'string') return value;
  if (unit === 'ms') return seconds(lang, value);
  if (unit === 'ratio') return `${formatNumber(lang, Math.round(value * 1000) / 10)}%`;
  return formatNumber(lang, value);
}

/** 45000 → "45초" / "45 s"; 1234 → "1.2초"; a tenth of a second at most. */
export function seconds(lang: string, ms: number): string {
  const s = ms >= 10_000 ? Math.round(ms / 1000) : Math.round(ms / 100) / 10;
  return translate(lang, 'autoqa.evidence.seconds', { n: formatNumber(lang, s) });
}

function numbers(lang: string, params: Record<string, number> = {}): Record<string, string> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, formatNumber(lang, v)]));
}

function formatNumber(lang: string, n: number): string {
  return n.toLocaleString(lang === 'en' ? 'en-US' : 'ko-KR', { maximumFractionDigits: 2 });
}
