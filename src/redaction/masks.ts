import type { PiiKind } from './redaction.types';

type MaskedKind = Exclude<PiiKind, 'pre_redacted'>;

const KO: Record<MaskedKind, string> = {
  resident_id: '[주민번호]',
  foreigner_id: '[외국인번호]',
  national_id: '[사회보장번호]',
  card: '[카드번호]',
  account: '[계좌번호]',
  phone: '[전화번호]',
  email: '[이메일]',
  address: '[주소]',
  one_time_code: '[인증번호]',
};

const EN: Record<MaskedKind, string> = {
  resident_id: '[RESIDENT ID]',
  foreigner_id: '[FOREIGNER ID]',
  national_id: '[SSN]',
  card: '[CARD NUMBER]',
  account: '[ACCOUNT NUMBER]',
  phone: '[PHONE]',
  email: '[EMAIL]',
  address: '[ADDRESS]',
  one_time_code: '[CODE]',
};

/** The mask written in place of a value, in the transcript's language. */
export function maskFor(kind: MaskedKind, language: string): string {
  return (language.toLowerCase().startsWith('ko') ? KO : EN)[kind];
}

const BY_LABEL = new Map<string, MaskedKind>();
for (const table of [KO, EN]) {
  for (const [kind, label] of Object.entries(table)) BY_LABEL.set(label, kind as MaskedKind);
}

/**
 * Masks already in a text: ours (of either language) and the sources' own (`[PII]`, Deepgram's
 * `[CREDIT_CARD_1]`, runs of `*` or `#` standing for digits).
 */
const MASK_PATTERN = /\[[^[\]\n]{1,40}\]|\*{4,}|#{4,}/g;
const SOURCE_LABEL = /^\[(?:PII|[A-Z][A-Z_ ]*[A-Z](?:_\d+)?)\]$/;

export interface MaskInText {
  kind: PiiKind;
  start: number;
  end: number;
}

export function masksIn(text: string): MaskInText[] {
  const found: MaskInText[] = [];
  for (const m of text.matchAll(MASK_PATTERN)) {
    const own = BY_LABEL.get(m[0]);
    const kind: PiiKind | undefined =
      own ?? (m[0][0] !== '[' || SOURCE_LABEL.test(m[0]) ? 'pre_redacted' : undefined);
    if (kind) found.push({ kind, start: m.index, end: m.index + m[0].length });
  }
  return found;
}

/**
 * The text with each mask read as the number it mostly stands for ("0"), so that matching
 * phrases in it does not take the mask's own words ([전화번호]) for words someone said.
 */
export function unmasked(text: string): string {
  if (!text.includes('[') && !text.includes('**') && !text.includes('##')) return text;
  let out = '';
  let at = 0;
  for (const mask of masksIn(text)) {
    out += `${text.slice(at, mask.start)}0`;
    at = mask.end;
  }
  return out + text.slice(at);
}

/** A turn's text cut at its masks, for a page that marks them. */
export function textParts(text: string): { text: string; mask: PiiKind | null }[] {
  const parts: { text: string; mask: PiiKind | null }[] = [];
  let at = 0;
  for (const mask of masksIn(text)) {
    if (mask.start > at) parts.push({ text: text.slice(at, mask.start), mask: null });
    parts.push({ text: text.slice(mask.start, mask.end), mask: mask.kind });
    at = mask.end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), mask: null });
  return parts;
}
