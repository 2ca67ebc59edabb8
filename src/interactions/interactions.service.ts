import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '../common/current-user';
import { InputError, NotFoundError } from '../common/errors';
import { DAY_MS, isoWeekStart } from '../common/iso-week';
import { MAX_LISTED_IDS } from '../common/calls-link';
import { ListInteractionsDto } from './dto/list-interactions.dto';
import { Interaction } from './entities/interaction.entity';
import { Turn } from './entities/turn.entity';
import { InteractionsRepository } from './interactions.repository';
import type { CallListFilter } from './call-list-query';
import type { AbuseFlag } from '../abuse/entities/abuse-flag.entity';
import { CALL_ABUSE, type CallAbuse } from './call-abuse';

/** A call with its turns and its stored abuse flag (null: never checked). */
export type LoadedInteraction = Interaction & { turns: Turn[]; abuse: AbuseFlag | null };

@Injectable()
export class InteractionsService {
  constructor(
    private readonly repository: InteractionsRepository,
    @Inject(CALL_ABUSE) private readonly abuse: CallAbuse,
  ) {}

  list(filter: ListInteractionsDto, actor: Actor) {
    return this.repository.list(filter, listFilter(filter, actor), actor);
  }

  /** One interaction the actor may see (404 otherwise), with its turns. */
  get(id: number, actor: Actor): Promise<LoadedInteraction> {
    return this.load(id, actor);
  }

  /** For services that already checked the actor may see what refers to it. */
  getUnscoped(id: number): Promise<LoadedInteraction> {
    return this.load(id, null);
  }

  private async load(id: number, actor: Actor | null) {
    const interaction = await this.repository.findWithAgent(id, actor);
    if (!interaction) throw new NotFoundError('interaction', id);
    const [turns, abuse] = await Promise.all([this.repository.turnsOf(id), this.abuse.flagOf(id)]);
    return { ...interaction, turns, abuse };
  }

  /** What leads recorded to protect the agent after an abusive call, oldest first. */
  protectiveActionsOf(interactionId: number) {
    return this.abuse.actionsOf([interactionId]);
  }
}

/** A YYYY-MM-DD day as midnight UTC, or an InputError naming the field. */
function dayStart(field: string, day: string): number {
  const time = Date.parse(`${day}T00:00:00.000Z`);
  if (Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== day) {
    throw new InputError(field, 'give a real date as YYYY-MM-DD');
  }
  return time;
}

/**
 * The list's filters made concrete: days and weeks as [start, end) instants (UTC, like the
 * analytics pages), a criterion with its scorecard and result, ids as numbers.
 */
export function listFilter(dto: ListInteractionsDto, actor: Actor): CallListFilter {
  let start: number | null = null;
  let end: number | null = null;
  const narrow = (s: number, e: number) => {
    start = start === null ? s : Math.max(start, s);
    end = end === null ? e : Math.min(end, e);
  };
  if (dto.from) narrow(dayStart('from', dto.from), Number.POSITIVE_INFINITY);
  if (dto.to) narrow(Number.NEGATIVE_INFINITY, dayStart('to', dto.to) + DAY_MS);
  if (dto.week) {
    const monday = isoWeekStart(dto.week);
    if (monday === null) throw new InputError('week', `${dto.week} is not an ISO week`);
    narrow(monday, monday + 7 * DAY_MS);
  }
  let criterion: CallListFilter['criterion'] = null;
  if (dto.criterion || dto.result) {
    if (!dto.criterion) throw new InputError('criterion', 'name the criterion of `result`');
    if (!dto.scorecard) throw new InputError('scorecard', 'name the scorecard of the criterion');
    if (!dto.result) throw new InputError('result', 'say pass or fail');
    // Agents do not see auto-QA's or others' answers as such; the filter is for staff.
    if (actor.role === 'agent') {
      throw new InputError('criterion', 'filtering by a criterion is for staff');
    }
    criterion = {
      scorecardKey: dto.scorecard,
      criterionKey: dto.criterion,
      passed: dto.result === 'pass',
      source: dto.source ?? 'human',
    };
  }
  let ids: number[] | null = null;
  if (dto.ids) {
    ids = [...new Set(dto.ids.split(',').map(Number))];
    if (ids.length > MAX_LISTED_IDS) {
      throw new InputError('ids', `at most ${MAX_LISTED_IDS} call ids`);
    }
  }
  const finite = (n: number | null) => (n === null || !Number.isFinite(n) ? null : new Date(n));
  return {
    teamId: dto.team ?? null,
    queue: dto.queue ?? null,
    start: finite(start),
    end: finite(end),
    criterion,
    ids,
  };
}
