import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Actor } from '../common/current-user';
import { Page, pageOf } from '../common/pagination';
import { AuditQueryDto } from './audit-query.dto';
import { AuditRepository } from './audit.repository';
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
  constructor(private readonly entries: AuditRepository) {}

  /** Writes inside the caller's transaction, so a change and its audit entry land together. */
  async record(manager: EntityManager, actor: Actor | null, record: AuditRecord): Promise<void> {
    await this.entries.insert(manager, {
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
    const [items, total] = await this.entries.page(
      {
        entityType: filter.entityType,
        entityId: filter.entityId,
        action: filter.action,
        actor: filter.actor,
        from: filter.from ? new Date(filter.from) : undefined,
        to: filter.to ? endOfDay(filter.to) : undefined,
      },
      (page - 1) * pageSize,
      pageSize,
    );
    return pageOf(items, total, page, pageSize);
  }

  /** The reason given each time one of these queue items was skipped (the last one wins). */
  async skipReasons(itemIds: number[]): Promise<Map<number, string>> {
    const reasons = new Map<number, string>();
    const entries = await this.entries.afterOf(
      'queue_item',
      'queue_item.skipped',
      itemIds.map(String),
    );
    for (const entry of entries) {
      const reason = (entry.after as { reason?: unknown } | null)?.reason;
      if (typeof reason === 'string' && reason) reasons.set(Number(entry.entityId), reason);
    }
    return reasons;
  }
}

/** A date without a time means the whole of that day. */
function endOfDay(value: string): Date {
  const date = new Date(value);
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) date.setUTCDate(date.getUTCDate() + 1);
  return date;
}
