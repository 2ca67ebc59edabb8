import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import type { Condition } from '../auth/visibility';
import { parseJson, storedTime } from '../database/raw-values';
import { Interaction } from '../interactions/entities/interaction.entity';
import type { AbuseFlagValue } from './abuse-flag';
import { AbuseFlag } from './entities/abuse-flag.entity';
import { ProtectiveAction, type ProtectiveActionKind } from './entities/protective-action.entity';

/** A flagged call as the protection report lists it. */
export interface FlaggedCallRow {
  interactionId: number;
  externalId: string;
  startedAt: Date;
  agentName: string | null;
  teamName: string | null;
  categories: AbuseFlag['categories'];
}

/** The one owner of abuse_flags and protective_actions. */
@Injectable()
export class AbuseRepository {
  constructor(
    @InjectRepository(AbuseFlag) private readonly flags: Repository<AbuseFlag>,
    @InjectRepository(ProtectiveAction) private readonly actions: Repository<ProtectiveAction>,
  ) {}

  /** Inside the import's transaction (or the backfill's): one row a checked call. */
  async saveFlag(manager: EntityManager, interactionId: number, flag: AbuseFlagValue) {
    await manager
      .createQueryBuilder()
      .insert()
      .into(AbuseFlag)
      .values({ interactionId, ...flag })
      .orIgnore()
      .updateEntity(false)
      .execute();
  }

  flagOf(interactionId: number, manager?: EntityManager): Promise<AbuseFlag | null> {
    return (manager?.getRepository(AbuseFlag) ?? this.flags).findOneBy({ interactionId });
  }

  async flagsOf(ids: number[], manager?: EntityManager): Promise<Map<number, AbuseFlag>> {
    if (ids.length === 0) return new Map();
    const rows = await (manager?.getRepository(AbuseFlag) ?? this.flags).findBy({
      interactionId: In(ids),
    });
    return new Map(rows.map((r) => [r.interactionId, r]));
  }

  async insertAction(
    manager: EntityManager,
    values: {
      interactionId: number;
      action: ProtectiveActionKind;
      note: string | null;
      recordedById: number;
    },
  ): Promise<number> {
    const saved = await manager.getRepository(ProtectiveAction).save(values);
    return saved.id;
  }

  /** Oldest first, with who recorded each. */
  actionsOf(interactionIds: number[]): Promise<ProtectiveAction[]> {
    if (interactionIds.length === 0) return Promise.resolve([]);
    return this.actions.find({
      where: { interactionId: In(interactionIds) },
      relations: { recordedBy: true },
      order: { recordedAt: 'ASC', id: 'ASC' },
    });
  }

  /**
   * Flagged calls started in [from, to), newest first, within `scope` (the actor's visibility
   * on `"i"."agentId"`); `limit` null for all (the CSV export).
   */
  async flaggedCalls(
    from: Date,
    to: Date,
    scope: Condition | null,
    offset: number,
    limit: number | null,
  ): Promise<[FlaggedCallRow[], number]> {
    const qb = this.flags.manager
      .createQueryBuilder(AbuseFlag, 'f')
      .innerJoin(Interaction, 'i', '"i"."id" = "f"."interactionId"')
      .leftJoin('i.agent', 'a')
      .leftJoin('a.team', 't')
      .where('f.flagged = :flagged', { flagged: true })
      .andWhere('i.startedAt >= :from AND i.startedAt < :to', { from, to });
    if (scope) qb.andWhere(scope.sql, scope.params);
    const total = await qb.getCount();
    qb.select([
      'f.interactionId AS "interactionId"',
      'i.externalId AS "externalId"',
      'i.startedAt AS "startedAt"',
      'a.name AS "agentName"',
      't.name AS "teamName"',
      'f.categories AS "categories"',
    ])
      .orderBy('i.startedAt', 'DESC')
      .addOrderBy('f.interactionId', 'DESC')
      .offset(offset);
    if (limit !== null) qb.limit(limit);
    const raw = await qb.getRawMany<Record<string, unknown>>();
    const rows = raw.map((r) => ({
      interactionId: Number(r.interactionId),
      externalId: String(r.externalId),
      startedAt: storedTime(r.startedAt),
      agentName: (r.agentName as string | null) ?? null,
      teamName: (r.teamName as string | null) ?? null,
      categories: (parseJson(r.categories) ?? []) as AbuseFlag['categories'],
    }));
    return [rows, total];
  }
}
