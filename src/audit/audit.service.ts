import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import type { Actor } from '../common/current-user';
import { containsPattern, LIKE_ESCAPE } from '../common/like';
import { Page, pageOf } from '../common/pagination';
import { AuditQueryDto } from './audit-query.dto';
import { AuditEntry } from './entities/audit-entry.entity';

export interface AuditRecord {
  action: string;
  entityType: string;
  entityId: string | number;
  before?: object | null;
  after?: object | null;
}

@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditEntry) private readonly entries: Repository<AuditEntry>) {}

  /** Writes inside the caller's transaction, so a change and its audit entry land together. */
  async record(manager: EntityManager, actor: Actor | null, record: AuditRecord): Promise<void> {
    await manager.insert(AuditEntry, {
      actorId: actor?.id ?? null,
      actorName: actor ? `${actor.name} <${actor.email}>` : 'system',
      action: record.action,
      entityType: record.entityType,
      entityId: String(record.entityId),
      before: record.before ?? null,
      after: record.after ?? null,
    });
  }

  /** Newest first, filtered, a page at a time (the admin's audit page and GET /api/audit). */
  async list(filter: AuditQueryDto, pageSize = 50): Promise<Page<AuditEntry>> {
    const page = filter.page ?? 1;
    const qb = this.entries.createQueryBuilder('a');
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
    if (filter.from) qb.andWhere('a.createdAt >= :from', { from: new Date(filter.from) });
    if (filter.to) qb.andWhere('a.createdAt < :to', { to: endOfDay(filter.to) });
    const [items, total] = await qb
      .orderBy('a.id', 'DESC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    return pageOf(items, total, page, pageSize);
  }
}

/** A date without a time means the whole of that day. */
function endOfDay(value: string): Date {
  const date = new Date(value);
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) date.setUTCDate(date.getUTCDate() + 1);
  return date;
}
