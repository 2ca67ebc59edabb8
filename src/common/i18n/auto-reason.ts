/**
 * An auto-QA answer's reason in the page's language: the engine stores a code and parameters
 * beside its English sentence (src/autoqa/reason-codes.ts); the code is looked up as
 * `autoqa.reason.<code>`, parameters that are parts (who, a window, a list) are translated the
 * same way. Answers stored before codes existed show their English text (the abuse reason is
 * matched, see display-text.ts).
 */
import type { ReasonMessage, ReasonParam, ReasonParams } from '../../autoqa/reason-codes';
import { autoReasonText } from './display-text';
import { hasTranslation, translate } from './i18n';

/** What an answer's stored evidence (or an engine result) holds about its reason. */
export interface StoredReason {
  reason: string;
  reasonCode?: string | null;
  reasonParams?: ReasonParams | null;
}

export function reasonKey(code: string): string {
  return `autoqa.reason.${code}`;
}

/** The reason in `lang`: by its code when it has one the locale files know, else as stored. */
export function storedReasonText(lang: string, stored: StoredReason): string {
  const code = stored.reasonCode;
  if (typeof code === 'string' && hasTranslation(reasonKey(code))) {
    return reasonText(lang, { code, params: stored.reasonParams ?? {} } as ReasonMessage);
  }
  return autoReasonText(lang, stored.reason);
}

export function reasonText(lang: string, message: ReasonMessage): string {
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.params ?? {})) {
    params[name] = paramText(lang, value);
  }
  return translate(lang, reasonKey(message.code), params);
}

function paramText(lang: string, value: ReasonParam): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value))
    return listText(
      lang,
      value.map((v) => reasonText(lang, v)),
    );
  // A part: translated the same way. Stored JSON read back has no other shapes; anything else
  // (hand-edited rows) reads as nothing rather than failing the page.
  const part = value as ReasonMessage | null;
  return part !== null && typeof part.code === 'string' ? reasonText(lang, part) : '';
}

/** `a, b and c` in English, `a, b, c` in Korean. */
function listText(lang: string, items: string[]): string {
  if (items.length <= 1) return items.join('');
  const sep = translate(lang, reasonKey('list.separator'));
  const last = translate(lang, reasonKey('list.lastSeparator'));
  return `${items.slice(0, -1).join(sep)}${last}${items[items.length - 1]}`;
}
