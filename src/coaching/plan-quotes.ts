/**
 * The quotes a coaching plan copies from calls (the agent's missed moments, a peer's exemplar)
 * rewritten when those calls' transcripts are deleted: retention keeps only the redacted form
 * of a quote, as it does for evaluation evidence. Pure: content in, content out.
 */
import type { Excerpt, PlanContent } from './plan-content';

export type QuoteTrim = (text: string, interactionId: number) => string;

/**
 * The plan's content with the quotes from these calls passed through `trim`, and whether any
 * changed. Everything else (the lead's goals, actions and notes) is left as written.
 */
export function trimPlanQuotes(
  content: PlanContent,
  interactionIds: ReadonlySet<number>,
  trim: QuoteTrim,
): { content: PlanContent; changed: boolean } {
  let changed = false;
  const excerpt = <T extends Excerpt | null>(e: T): T => {
    if (!e || !interactionIds.has(e.interactionId)) return e;
    const text = trim(e.text, e.interactionId);
    if (text === e.text) return e;
    changed = true;
    return { ...e, text };
  };
  const focus = (content.focus ?? []).map((item) => ({
    ...item,
    excerpts: (item.excerpts ?? []).map(excerpt),
    exemplar: excerpt(item.exemplar ?? null),
  }));
  return changed ? { content: { ...content, focus }, changed } : { content, changed };
}

/** Whether the plan quotes any of these calls. */
export function quotesAnyOf(content: PlanContent, interactionIds: ReadonlySet<number>): boolean {
  return (content.focus ?? []).some(
    (item) =>
      (item.excerpts ?? []).some((e) => interactionIds.has(e.interactionId)) ||
      (item.exemplar !== null &&
        item.exemplar !== undefined &&
        interactionIds.has(item.exemplar.interactionId)),
  );
}
