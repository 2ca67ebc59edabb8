/**
 * Links from a number to the calls behind it: the calls list (/interactions) with the filters
 * that select exactly those calls. Pure.
 */

/** The most call ids one link may carry (keeps the address well under a server's limit). */
export const MAX_LISTED_IDS = 1000;

export type CallsFilter = Record<string, string | number | null | undefined>;

/** `/interactions?…` with the filters set (empty ones left out). */
export function callsListHref(filter: CallsFilter): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(filter)) {
    if (v !== null && v !== undefined && v !== '') search.set(k, String(v));
  }
  const text = search.toString();
  return text ? `/interactions?${text}` : '/interactions';
}

/**
 * The calls list narrowed to these ids (and the descriptive filters beside them), or null when
 * there are none or too many for one address.
 */
export function callsByIdHref(ids: readonly number[], filter: CallsFilter = {}): string | null {
  if (ids.length === 0 || ids.length > MAX_LISTED_IDS) return null;
  return callsListHref({ ...filter, ids: [...ids].sort((a, b) => a - b).join(',') });
}
