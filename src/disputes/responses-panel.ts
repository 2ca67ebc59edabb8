/**
 * The evaluation page's "responses" part (views/partials/evaluation-responses.hbs): the history,
 * the agent's acknowledge and dispute forms while the window is open, and the resolver's form
 * on a disputed evaluation. A re-rendered form keeps what was posted and shows its error.
 */
import { Injectable } from '@nestjs/common';
import type { Actor } from '../common/current-user';
import { translate } from '../common/i18n/i18n';
import { Evaluation } from '../evaluations/entities/evaluation.entity';
import { scaleOptions } from '../evaluations/evaluation.view';
import { InteractionsRepository } from '../interactions/interactions.repository';
import type { CriterionDefinition } from '../scorecards/scorecard-definition';
import { DisputesRepository } from './disputes.repository';
import { DisputesService, mayResolve } from './disputes.service';
import { AGENT_FACING_KINDS } from './evaluation-notices';
import type { EvaluationResponse } from './entities/evaluation-response.entity';
import { scorecardVersionOf } from '../scorecards/loaded-version';

export type PanelFormName = 'acknowledge' | 'dispute' | 'resolve';

/** A form posted back with an error: which form, the field (if any), the message, the input. */
export interface PanelForm {
  name: PanelFormName;
  field?: string;
  message: string;
  comment?: string;
  reason?: string;
  criteria?: string[];
  outcome?: string;
  values?: Record<string, string>;
}

@Injectable()
export class ResponsesPanel {
  constructor(
    private readonly disputes: DisputesService,
    private readonly repository: DisputesRepository,
    private readonly interactions: InteractionsRepository,
  ) {}

  async build(actor: Actor, evaluation: Evaluation, lang: string, form?: PanelForm) {
    // Machine and calibration scores are never shown to agents, so nobody responds to them.
    if (!AGENT_FACING_KINDS.has(evaluation.kind)) return null;
    const definition = scorecardVersionOf(evaluation).definition;
    const criteria = new Map(
      definition.sections.flatMap((s) => s.criteria).map((c) => [c.key, c] as const),
    );
    const answers = new Map((evaluation.answers ?? []).map((a) => [a.criterionKey, a.value]));
    const label = (key: string) => criteria.get(key)?.label ?? key;
    const valueLabel = (key: string, value: number | null | undefined) =>
      describeValue(criteria.get(key), value, lang);
    const responses = await this.repository.responsesOf(evaluation.id);
    const agentId =
      evaluation.interaction?.agentId ??
      (await this.interactions.agentIdOf(evaluation.interactionId));
    const window = this.disputes.windowOf(evaluation);
    const isOwnAgent =
      actor.role === 'agent' && actor.agentId !== null && agentId === actor.agentId;
    const awaitingAgent = isOwnAgent && evaluation.status === 'submitted';
    const posted = (name: PanelFormName) => (form?.name === name ? form : undefined);
    const errorOf = (name: PanelFormName, field: string) =>
      form?.name === name && form.field === field ? form.message : undefined;
    const dispute = responses.filter((r) => r.kind === 'disputed').at(-1);
    const canResolve = evaluation.status === 'disputed' && mayResolve(actor, evaluation);

    return {
      version: evaluation.version,
      formError: form?.field ? translate(lang, 'dispute.fixErrors') : null,
      formMessage: form && !form.field ? form.message : null,
      history: responses.map((r) => historyEntry(r, label, valueLabel)),
      window: awaitingAgent && window.open ? window : null,
      windowClosedAt: awaitingAgent && !window.open ? window.closesAt : null,
      respond:
        awaitingAgent && window.open
          ? {
              comment: posted('acknowledge')?.comment ?? '',
              commentError: errorOf('acknowledge', 'comment'),
              reason: posted('dispute')?.reason ?? '',
              reasonError: errorOf('dispute', 'reason'),
              criteriaError: errorOf('dispute', 'criteria'),
              criteria: definition.sections.flatMap((s) =>
                s.criteria.map((c) => ({
                  key: c.key,
                  label: c.label,
                  section: s.label,
                  value: valueLabel(c.key, answers.get(c.key)),
                  checked: posted('dispute')?.criteria?.includes(c.key) ?? false,
                })),
              ),
            }
          : null,
      resolve:
        canResolve && dispute
          ? {
              outcome: posted('resolve')?.outcome ?? '',
              outcomeError: errorOf('resolve', 'outcome'),
              reason: posted('resolve')?.reason ?? '',
              reasonError: errorOf('resolve', 'reason'),
              changesError: errorOf('resolve', 'changes'),
              criteria: (dispute.criteria ?? []).map((key) => {
                const criterion = criteria.get(key);
                const current = answers.get(key);
                const selected =
                  posted('resolve')?.values?.[key] ??
                  (current === null ? 'na' : current === undefined ? '' : String(current));
                const options = criterion ? scaleOptions(criterion, lang, selected) : [];
                if (criterion?.naAllowed) {
                  options.push({ value: 'na', label: 'N/A', checked: selected === 'na' });
                }
                return {
                  key,
                  label: label(key),
                  value: valueLabel(key, current),
                  options,
                  error: errorOf('resolve', `changes.${key}`),
                };
              }),
            }
          : null,
    };
  }
}

function describeValue(
  criterion: CriterionDefinition | undefined,
  value: number | null | undefined,
  lang: string,
): string {
  if (value === undefined) return '–';
  if (value === null) return 'N/A';
  if (!criterion) return String(value);
  const option = scaleOptions(criterion, lang, String(value)).find((o) => o.checked);
  if (criterion.scale.type === 'yes_no') return option?.label ?? String(value);
  return `${value} / ${criterion.scale.max}`;
}

function historyEntry(
  r: EvaluationResponse,
  label: (key: string) => string,
  valueLabel: (key: string, value: number | null) => string,
) {
  return {
    id: r.id,
    kind: r.kind,
    who: r.user?.name ?? '–',
    role: r.user?.role ?? null,
    createdAt: r.createdAt,
    comment: r.comment,
    outcome: r.outcome,
    criteria: (r.criteria ?? []).map((key) => ({ key, label: label(key) })),
    changes: Object.entries(r.changes ?? {}).map(([key, c]) => ({
      key,
      label: label(key),
      from: valueLabel(key, c.from),
      to: valueLabel(key, c.to),
    })),
    scoreBefore: r.scoreBefore,
    scoreAfter: r.scoreAfter,
    hasScore: r.kind === 'resolved',
  };
}
