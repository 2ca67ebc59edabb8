/**
 * Stored texts made by the program in English (sampling reasons written when a call was queued,
 * metadata keys and values from an import) shown in the page's language. Pure: the stored text
 * stays as it is; an unknown shape is shown unchanged.
 */
import { hasTranslation, translate } from './i18n';

type Rule = {
  pattern: RegExp;
  key: string;
  params: (m: RegExpExecArray) => Record<string, string>;
};

/** The words src/queue/sampling-plan.ts wrote before reasons had codes, newest wording first. */
const SAMPLING_REASONS: readonly Rule[] = [
  {
    pattern: /^CSAT (\S+) ≤ (\S+)$/,
    key: 'sampling.reason.lowCsat',
    params: (m) => ({ csat: m[1], max: m[2] }),
  },
  {
    pattern: /^auto-QA: critical criterion failed: (.+)$/,
    key: 'sampling.reason.autoCriticalFail',
    params: (m) => ({ criteria: m[1] }),
  },
  {
    pattern: /^(\d+) calls? per agent per week from queue (.+) \(([^()]+)\)$/,
    key: 'sampling.reason.queueQuota',
    params: (m) => ({ n: m[1], queue: m[2], week: m[3] }),
  },
  {
    pattern: /^(\d+) random calls? per agent per week \(([^()]+)\)$/,
    key: 'sampling.reason.randomQuota',
    params: (m) => ({ n: m[1], week: m[2] }),
  },
  {
    pattern: /^(\d+) (\w+) calls? per agent per week \(([^()]+)\)$/,
    key: 'sampling.reason.channelQuota',
    params: (m) => ({ n: m[1], channel: m[2], week: m[3] }),
  },
  { pattern: /^queue (.+)$/, key: 'sampling.reason.queue', params: (m) => ({ queue: m[1] }) },
  {
    pattern: /^channel (\w+)$/,
    key: 'sampling.reason.channel',
    params: (m) => ({ channel: m[1] }),
  },
];

/** A queue item's reason as stored: the English words, and the code with its values. */
export interface StoredSamplingReason {
  reason: string;
  reasonCode?: string | null;
  reasonParams?: Record<string, string | number> | null;
}

/**
 * Why a call was picked for review, in `lang`: by its code (src/queue/sampling-plan.ts) when it
 * has one the locale files know; items queued before codes existed by matching their English
 * words; the stored text when neither fits.
 */
export function samplingReasonText(lang: string, stored: StoredSamplingReason): string {
  const code = stored.reasonCode;
  if (typeof code === 'string' && hasTranslation(`sampling.reason.${code}`)) {
    const params: Record<string, string> = {};
    for (const [name, value] of Object.entries(stored.reasonParams ?? {}))
      params[name] = String(value);
    return translate(lang, `sampling.reason.${code}`, withChannelName(lang, params));
  }
  for (const rule of SAMPLING_REASONS) {
    const m = rule.pattern.exec(stored.reason);
    if (m) return translate(lang, rule.key, withChannelName(lang, rule.params(m)));
  }
  return stored.reason;
}

function withChannelName(lang: string, params: Record<string, string>): Record<string, string> {
  if (params.channel && hasTranslation(`channel.${params.channel}`))
    return { ...params, channel: translate(lang, `channel.${params.channel}`) };
  return params;
}

/** A metadata key from an import (`csat`, `fcr`): its label, or the key itself when unknown. */
export function metadataLabel(lang: string, key: string): string {
  return hasTranslation(`metadata.${key}`) ? translate(lang, `metadata.${key}`) : key;
}

/** A metadata value: yes/no for booleans, JSON for objects, the text otherwise. */
export function metadataValue(lang: string, value: unknown): string {
  if (typeof value === 'boolean')
    return translate(lang, value ? 'metadata.true' : 'metadata.false');
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * An auto-QA answer's reason in `lang`. Reasons are English sentences written by the engine;
 * the one for a customer's abuse (src/autoqa/abuse-protection.ts) is translated, others shown
 * as stored.
 */
export function autoReasonText(lang: string, reason: string): string {
  if (reason === 'customer abuse: not held against the agent') {
    return translate(lang, 'abuse.naReason');
  }
  return reason;
}
