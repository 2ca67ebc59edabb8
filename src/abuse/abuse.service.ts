import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { instants, resolvePeriod, type Period } from '../analytics/period';
import { AuditService } from '../audit/audit.service';
import { PROTECTORS } from '../auth/roles';
import { interactionScope } from '../auth/visibility';
import type { Actor } from '../common/current-user';
import { ForbiddenError, InputError, NotFoundError } from '../common/errors';
import { pageOf, type Page } from '../common/pagination';
import { transaction } from '../database/transaction';
import { InteractionsRepository } from '../interactions/interactions.repository';
import { NotificationsService } from '../notifications/notifications.service';
import { UsersRepository } from '../users/users.repository';
import { abuseFlagOf } from './abuse-flag';
import { AbuseRepository, type FlaggedCallRow } from './abuse.repository';
import type { RecordProtectiveActionDto } from './dto/protection.dto';
import type { AbuseFlag } from './entities/abuse-flag.entity';
import type { ProtectiveAction } from './entities/protective-action.entity';

export interface ImportedCall {
  interactionId: number;
  externalId: string;
  language: string;
  agentId: number | null;
  agentName: string | null;
  turns: readonly { speaker: string; text: string }[];
}

export interface FlaggedCall extends FlaggedCallRow {
  actions: ProtectiveAction[];
}

const BACKFILL_BATCH = 200;
export const PROTECTION_PAGE_SIZE = 50;

/**
 * Abusive callers (고객응대근로자 보호): the flag stored at import, the team lead's notice, the
 * protective actions leads record and the report of them.
 */
@Injectable()
export class AbuseService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: AbuseRepository,
    private readonly interactions: InteractionsRepository,
    private readonly users: UsersRepository,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Inside the import's transaction: stores what the detector found on the (redacted) turns and,
   * when the call is flagged, tells the agent's team leads.
   */
  async recordAtImport(manager: EntityManager, call: ImportedCall): Promise<void> {
    const flag = abuseFlagOf(call.turns, call.language);
    await this.repository.saveFlag(manager, call.interactionId, flag);
    if (!flag.flagged) return;
    await this.notifications.notify(
      manager,
      await this.users.teamLeadIds(manager, call.agentId),
      'abusive_call',
      { call: call.externalId, agent: call.agentName ?? '–' },
      `/interactions/${call.interactionId}`,
    );
  }

  /**
   * Checks the calls imported before the flag was stored (`npm run cli -- abuse-backfill`), in
   * batches, one transaction each. Sends no notices: those calls are old news.
   */
  async backfill(): Promise<{ checked: number; flagged: number }> {
    let checked = 0;
    let flagged = 0;
    for (;;) {
      const calls = await this.interactions.uncheckedForAbuse(BACKFILL_BATCH);
      if (calls.length === 0) return { checked, flagged };
      const turns = await this.interactions.turnsOfMany(calls.map((c) => c.id));
      await transaction(this.dataSource, async (manager) => {
        for (const call of calls) {
          const flag = abuseFlagOf(turns.get(call.id) ?? [], call.language);
          await this.repository.saveFlag(manager, call.id, flag);
          checked++;
          if (flag.flagged) flagged++;
        }
      });
    }
  }

  /** The stored flag of a call; null when it was never checked (imported before, no backfill). */
  flagOf(interactionId: number): Promise<AbuseFlag | null> {
    return this.repository.flagOf(interactionId);
  }

  actionsOf(interactionId: number): Promise<ProtectiveAction[]> {
    return this.repository.actionsOf([interactionId]);
  }

  /** A lead (of the call's agent's team) or an admin records what was done, audited. */
  async recordAction(
    actor: Actor,
    interactionId: number,
    dto: RecordProtectiveActionDto,
  ): Promise<void> {
    if (!PROTECTORS.includes(actor.role)) {
      throw new ForbiddenError('only team leads and admins record protective actions', {
        key: 'error.forbidden.protectiveActions',
      });
    }
    const call = await this.interactions.findWithAgent(interactionId, actor);
    if (!call) throw new NotFoundError('interaction', interactionId);
    const flag = await this.repository.flagOf(interactionId);
    if (!flag?.flagged) {
      throw new InputError(
        'interactionId',
        `interaction ${interactionId} is not flagged for customer abuse`,
        { key: 'abuse.notFlagged' },
      );
    }
    const note = dto.note ?? null;
    await transaction(this.dataSource, async (manager) => {
      const id = await this.repository.insertAction(manager, {
        interactionId,
        action: dto.action,
        note,
        recordedById: actor.id,
      });
      await this.audit.record(manager, actor, {
        action: 'interaction.protective_action',
        entityType: 'interaction',
        entityId: interactionId,
        after: { protectiveActionId: id, action: dto.action, note },
      });
    });
  }

  /** Flagged calls of the period the actor may see, a page at a time, with their actions. */
  async report(
    actor: Actor,
    asked: { from?: string; to?: string },
    page: number,
  ): Promise<{ period: Period; page: Page<FlaggedCall> }> {
    const period = resolvePeriod(asked);
    const [rows, total] = await this.flagged(
      actor,
      period,
      (page - 1) * PROTECTION_PAGE_SIZE,
      PROTECTION_PAGE_SIZE,
    );
    return { period, page: pageOf(rows, total, page, PROTECTION_PAGE_SIZE) };
  }

  /** Every flagged call of the period the actor may see (the CSV export). */
  async all(actor: Actor, asked: { from?: string; to?: string }) {
    const period = resolvePeriod(asked);
    const [rows] = await this.flagged(actor, period, 0, null);
    return { period, rows };
  }

  private async flagged(
    actor: Actor,
    period: Period,
    offset: number,
    limit: number | null,
  ): Promise<[FlaggedCall[], number]> {
    if (!PROTECTORS.includes(actor.role)) {
      throw new ForbiddenError('only team leads and admins see the protection report', {
        key: 'error.forbidden.protectionReport',
      });
    }
    const { start, end } = instants(period);
    const scope = interactionScope(actor, '"i"."agentId"');
    const [rows, total] = await this.repository.flaggedCalls(start, end, scope, offset, limit);
    const actions = await this.repository.actionsOf(rows.map((r) => r.interactionId));
    const byCall = new Map<number, ProtectiveAction[]>();
    for (const a of actions)
      byCall.set(a.interactionId, [...(byCall.get(a.interactionId) ?? []), a]);
    return [rows.map((r) => ({ ...r, actions: byCall.get(r.interactionId) ?? [] })), total];
  }
}
