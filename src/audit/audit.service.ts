import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import type { Actor } from '../common/current-user';
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

  list(filter: { entityType?: string; entityId?: string }, limit = 100): Promise<AuditEntry[]> {
    return this.entries.find({
      where: {
        ...(filter.entityType ? { entityType: filter.entityType } : {}),
        ...(filter.entityId ? { entityId: filter.entityId } : {}),
      },
      order: { id: 'DESC' },
      take: Math.min(limit, 500),
    });
  }
}
