import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { containsPattern, LIKE_ESCAPE } from '../common/like';
import { parseJson } from '../database/raw-values';
import { AuditEntry } from './entities/audit-entry.entity';

/** What a page of the audit log is filtered by (already validated by the caller's DTO). */
export interface AuditFilter {
  entityType?: string;
  entityId?: string;
  action?: string;
  /** Part of the actor's name or e-mail, any case. */
  actor?: string;
  from?: Date;
  /** Exclusive. */
  to?: Date;
}

/** The one owner of `audit_log`: appends and reads entries, no rules of its own. */
@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Appends inside the caller's transaction. */
  async insert(
    manager: EntityManager,
    values: Omit<AuditEntry, 'id' | 'createdAt'>,
  ): Promise<void> {
    await manager.insert(AuditEntry, values);
  }

  /** Newest first, one page, with the number of entries that match. */
  page(filter: AuditFilter, skip: number, take: number): Promise<[AuditEntry[], number]> {
    const qb = this.dataSource.getRepository(AuditEntry).createQueryBuilder('a');
    if (filter.entityType) qb.andWhere('a.entityType = :type', { type: filter.entityType });
    if (filter.entityId) qb.andWhere('a.entityId = :id', { id: filter.entityId });
    if (filter.action) {
      qb.andWhere(`a.action LIKE :action ${LIKE_ESCAPE}`, {
        action: containsPattern(filter.action),
      });
    }
    if (filter.actor) {
      qb.andWhere(`LOWER(a.actorName) LIKE :actor ${LIKE_ESCAPE}`, {
        actor: containsPattern(filter.actor.toLowerCase()),
      });
    }
    if (filter.from) qb.andWhere('a.createdAt >= :from', { from: filter.from });
    if (filter.to) qb.andWhere('a.createdAt < :to', { to: filter.to });
    return qb.orderBy('a.id', 'DESC').skip(skip).take(take).getManyAndCount();
  }

  /**
   * The `after` of every entry with this action about these entities of one type, oldest first
   * (e.g. the reasons given when queue items were skipped).
   */
  async afterOf(
    entityType: string,
    action: string,
    entityIds: string[],
  ): Promise<{ entityId: string; after: object | null }[]> {
    if (entityIds.length === 0) return [];
    const rows = await this.dataSource
      .createQueryBuilder(AuditEntry, 'au')
      .select(['au.entityId AS "entityId"', 'au.after AS "after"'])
      .where('au.entityType = :entityType', { entityType })
      .andWhere('au.entityId IN (:...ids)', { ids: entityIds })
      .andWhere('au.action = :action', { action })
      .orderBy('au.id', 'ASC')
      .getRawMany<{ entityId: string; after: unknown }>();
    return rows.map((r) => ({ entityId: r.entityId, after: parseJson(r.after) as object | null }));
  }
}
