/**
 * Which calls a data subject request is about, and which of their metadata fields identify
 * the customer. Pure: plain data in, plain data out.
 */
export const REQUEST_KINDS = ['phone', 'customer', 'call'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

/** Metadata fields that identify a customer, whatever the request matched on. */
const CUSTOMER_KEY =
  /customer|caller|client|contact|phone|mobile|msisdn|\bani\b|^ani|email|e-mail|고객|전화|휴대폰|연락처|이메일/i;

/** `+82 10-1234-5678`, `010.1234.5678` → `01012345678`; null when fewer than 7 digits. */
export function phoneDigits(value: string): string | null {
  let digits = value
    .replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10))
    .replace(/\D/g, '');
  if (digits.startsWith('82') && digits.length >= 11) digits = `0${digits.slice(2)}`;
  return digits.length >= 7 && digits.length <= 15 ? digits : null;
}

/** A short piece of the value the database can look for before the exact check here. */
export function searchFragment(kind: Exclude<RequestKind, 'call'>, value: string): string {
  if (kind === 'customer') return value.trim();
  const digits = phoneDigits(value) ?? '';
  return digits.slice(-4);
}

type Path = string[];

function leaves(value: unknown, path: Path = []): { path: Path; value: unknown }[] {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
      leaves(v, [...path, k]),
    );
  }
  return path.length > 0 ? [{ path, value }] : [];
}

/** The metadata fields (dotted paths) whose value is the requested phone number or customer id. */
export function matchingFields(
  metadata: Record<string, unknown> | null,
  kind: Exclude<RequestKind, 'call'>,
  value: string,
): string[] {
  const wanted = kind === 'phone' ? phoneDigits(value) : value.trim();
  if (!wanted) return [];
  return leaves(metadata)
    .filter(({ path, value: v }) => {
      if (typeof v !== 'string' && typeof v !== 'number') return false;
      if (kind === 'phone') return phoneDigits(String(v)) === wanted;
      return String(v).trim() === wanted && CUSTOMER_KEY.test(path[path.length - 1]);
    })
    .map(({ path }) => path.join('.'));
}

/** The fields a request removes: those it matched and every field that names the customer. */
export function identifierFields(
  metadata: Record<string, unknown> | null,
  matched: string[],
): string[] {
  const fields = leaves(metadata)
    .filter(({ path }) => path.some((key) => CUSTOMER_KEY.test(key)))
    .map(({ path }) => path.join('.'));
  return [...new Set([...matched, ...fields])].sort();
}

/** A copy of the metadata without these dotted fields. */
export function withoutFields(
  metadata: Record<string, unknown> | null,
  fields: string[],
): Record<string, unknown> | null {
  if (!metadata) return metadata;
  const copy = structuredClone(metadata);
  for (const field of fields) {
    const path = field.split('.');
    let node: Record<string, unknown> | undefined = copy;
    for (const key of path.slice(0, -1)) {
      const next: unknown = node?.[key];
      node = next && typeof next === 'object' ? (next as Record<string, unknown>) : undefined;
    }
    if (node) delete node[path[path.length - 1]];
  }
  return copy;
}
