/**
 * The banner a flagged call shows on its replay and scoring pages: the kinds, links to the
 * turns, the protective actions recorded and, for a lead or an admin, the one-click form. Pure.
 */
import { translate } from '../common/i18n/i18n';
import type { AbuseFlag } from './entities/abuse-flag.entity';
import { PROTECTIVE_ACTIONS, type ProtectiveAction } from './entities/protective-action.entity';
import { actionText } from './protection-view';

export interface AbuseBanner {
  categories: string[];
  evidence: { seq: number; number: number; category: string }[];
  actions: string[];
  /** The buttons of the one-click record; empty for those who may not record. */
  choices: { value: string; label: string }[];
}

export function abuseBanner(
  flag: AbuseFlag | null | undefined,
  turns: readonly { seq: number }[],
  actions: ProtectiveAction[],
  mayRecord: boolean,
  lang: string,
): AbuseBanner | null {
  if (!flag?.flagged) return null;
  const seqs = new Set(turns.map((t) => t.seq));
  return {
    categories: flag.categories,
    evidence: flag.turns
      // A turn deleted since (retention) has no anchor to link to.
      .filter((t) => seqs.has(t.seq))
      .map((t) => ({ seq: t.seq, number: t.seq + 1, category: t.category })),
    actions: actions.map((a) => actionText(lang, a)),
    choices: mayRecord
      ? PROTECTIVE_ACTIONS.map((value) => ({
          value,
          label: translate(lang, `abuse.action.${value}`),
        }))
      : [],
  };
}
