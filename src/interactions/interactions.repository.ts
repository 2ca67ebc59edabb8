import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { interactionScope } from '../auth/visibility';
import type { Actor } from '../common/current-user';
import { containsPattern, LIKE_ESCAPE } from '../common/like';
import { Page, pageOf } from '../common/pagination';
import {
  CallListFilter,
  InteractionRow,
  latestAnswerIs,
  LIST_COLUMNS,
  RawInteractionRow,
  toInteractionRow,
} from './call-list-query';
import {
  AUTO_OF_I,
  notCheckedForAbuse,
  type PendingCall,
  withoutAutoEvaluation,
} from './call-work-queries';
import { ListInteractionsDto } from './dto/list-interactions.dto';
import { Interaction, type TranscriptDeletion } from './entities/interaction.entity';
import { Turn } from './entities/turn.entity';
import {
  insertedId,
  REQUEST_FIELDS,
  type RequestCandidate,
  type RetentionCandidate,
  TURN_CHUNK,
  where,
} from './interaction-rows';

export type { RequestCandidate, RetentionCandidate } from './interaction-rows';

@Injectable()
export class InteractionsRepository {
  constructor(
    @InjectRepository(Interaction) private readonly interactions: Repository<Interaction>,
    @InjectRepository(Turn) private readonly turns: Repository<Turn>,
  ) {}

  async list(
    filter: ListInteractionsDto,
    more: CallListFilter,
    actor: Actor,
  ): Promise<Page<InteractionRow>> {
    const page = filter.page ?? 1;
    const pageSize = filter.pageSize ?? 25;
    const qb = this.interactions
      .createQueryBuilder('i')
      .leftJoin('i.agent', 'a')
      .select(LIST_COLUMNS)
      .addSelect(
        // Manual evaluations, of the drafts only the viewer's own: another's open draft is theirs.
        (sub) =>
          sub
            .select('COUNT(*)')
            .from('evaluations', 'e')
            .where('e.interactionId = i.id')
            .andWhere("e.kind = 'manual'")
            .andWhere(`("e"."status" <> 'draft' OR "e"."evaluatorId" = :countViewerId)`, {
              countViewerId: actor.id,
            }),
        'evaluations',
      );
    where(qb, interactionScope(actor, '"i"."agentId"'));
    if (filter.agent) qb.andWhere('a.externalId = :agent', { agent: filter.agent });
    if (filter.channel) qb.andWhere('i.channel = :channel', { channel: filter.channel });
    if (filter.language) qb.andWhere('i.language = :language', { language: filter.language });
    if (filter.q) {
      qb.andWhere(`i.externalId LIKE :q ${LIKE_ESCAPE}`, { q: containsPattern(filter.q) });
    }
    if (more.teamId !== null) qb.andWhere('a.teamId = :teamId', { teamId: more.teamId });
    if (more.queue !== null) qb.andWhere('i.queue = :queue', { queue: more.queue });
    if (more.start) qb.andWhere('i.startedAt >= :start', { start: more.start });
    if (more.end) qb.andWhere('i.startedAt < :end', { end: more.end });
    if (more.ids) {
      if (more.ids.length === 0) qb.andWhere('1 = 0');
      else qb.andWhere('i.id IN (:...ids)', { ids: more.ids });
    }
    if (more.criterion) where(qb, latestAnswerIs(more.criterion));
    const total = await qb.clone().getCount();
    const rows = await qb
      .orderBy('i.startedAt', 'DESC')
      .addOrderBy('i.id', 'DESC')
      .offset((page - 1) * pageSize)
      .limit(pageSize)
      .getRawMany<RawInteractionRow>();
    return pageOf(rows.map(toInteractionRow), total, page, pageSize);
  }

  findWithAgent(id: number, actor: Actor | null): Promise<Interaction | null> {
    const qb = this.interactions
      .createQueryBuilder('i')
      .leftJoinAndSelect('i.agent', 'a')
      .leftJoinAndSelect('a.team', 't')
      .where('i.id = :id', { id });
    if (actor) where(qb, interactionScope(actor, '"i"."agentId"'));
    return qb.getOne();
  }

  /**
   * The newest calls of a channel and language that still have their transcript, with their
   * agent (a scorecard's "test on recent calls"), newest first.
   */
  recentFor(channel: string, language: string, limit: number): Promise<Interaction[]> {
    return this.interactions
      .createQueryBuilder('i')
      .leftJoinAndSelect('i.agent', 'a')
      .where('i.channel = :channel AND i.language = :language', { channel, language })
      .andWhere('i.transcriptDeletedAt IS NULL')
      .orderBy('i.startedAt', 'DESC')
      .addOrderBy('i.id', 'DESC')
      .take(limit)
      .getMany();
  }

  /** The turns of these calls, by call, in order. */
  async turnsOfMany(ids: number[]): Promise<Map<number, Turn[]>> {
    const turns = new Map<number, Turn[]>(ids.map((id) => [id, []]));
    if (ids.length === 0) return turns;
    const rows = await this.turns.find({
      where: { interactionId: In(ids) },
      order: { interactionId: 'ASC', seq: 'ASC' },
    });
    for (const t of rows) turns.get(t.interactionId)?.push(t);
    return turns;
  }

  /** The call's turns, in order (in the caller's transaction when given). */
  turnsOf(interactionId: number, manager?: EntityManager): Promise<Turn[]> {
    return (manager?.getRepository(Turn) ?? this.turns).find({
      where: { interactionId },
      order: { seq: 'ASC' },
    });
  }

  /** One turn of a call by its number (a quoted moment); null when it is gone. */
  turnAt(interactionId: number, seq: number): Promise<Turn | null> {
    return this.turns.findOneBy({ interactionId, seq });
  }

  /** Calls not checked for abuse yet that still have their turns, oldest first (the backfill). */
  async uncheckedForAbuse(limit: number): Promise<{ id: number; language: string }[]> {
    const rows = await notCheckedForAbuse(this.interactions.createQueryBuilder('i'), limit);
    return rows.map((r) => ({ id: Number(r.id), language: r.language }));
  }

  /** The team of each call's agent (null without agent or team), in the caller's transaction. */
  async agentTeams(
    manager: EntityManager,
    interactionIds: number[],
  ): Promise<Map<number, number | null>> {
    const teams = new Map<number, number | null>();
    for (let i = 0; i < interactionIds.length; i += 500) {
      const rows = await manager
        .getRepository(Interaction)
        .createQueryBuilder('i')
        .leftJoin('i.agent', 'a')
        .select(['i.id AS "id"', 'a.teamId AS "teamId"'])
        .where('i.id IN (:...ids)', { ids: interactionIds.slice(i, i + 500) })
        .getRawMany<{ id: number; teamId: number | null }>();
      for (const r of rows) teams.set(Number(r.id), r.teamId === null ? null : Number(r.teamId));
    }
    return teams;
  }

  /**
   * Calls with no auto evaluation yet among the channel-language pairs given, by id: these
   * `ids`, or the next `limit` after the id `after` (a sweep's pages). A call whose transcript
   * retention deleted has nothing left to score.
   */
  async withoutAutoEvaluation(
    manager: EntityManager,
    pairs: string[],
    page: { ids?: number[]; after?: number; limit?: number },
  ): Promise<PendingCall[]> {
    if (pairs.length === 0 || page.ids?.length === 0) return [];
    const qb = manager.getRepository(Interaction).createQueryBuilder('i');
    const rows = await withoutAutoEvaluation(qb, pairs, page);
    return rows.map((r) => ({ id: Number(r.id), pair: r.pair }));
  }

  /** The call (with its agent) when it is there, has no auto evaluation and has its transcript. */
  unscoredWithAgent(manager: EntityManager, id: number): Promise<Interaction | null> {
    return manager
      .getRepository(Interaction)
      .createQueryBuilder('i')
      .leftJoinAndSelect('i.agent', 'agent')
      .where('i.id = :id', { id })
      .andWhere(`NOT EXISTS (${AUTO_OF_I})`)
      .andWhere('i.transcriptDeletedAt IS NULL')
      .getOne();
  }

  /** The agent of a call (null when the call or its agent is unknown). */
  async agentIdOf(interactionId: number): Promise<number | null> {
    const row = await this.interactions.findOne({
      select: { id: true, agentId: true },
      where: { id: interactionId },
    });
    return row?.agentId ?? null;
  }

  /** Calls whose call id (external id) is exactly this text, from any source (at most 5). */
  byExternalId(externalId: string): Promise<Interaction[]> {
    return this.interactions.find({
      where: { externalId },
      select: { id: true, externalId: true, source: true },
      take: 5,
    });
  }

  /** How many calls came from this source (e.g. 'demo'). */
  countFromSource(source: string): Promise<number> {
    return this.interactions.countBy({ source });
  }

  /** The id of the call with this source and external id (the import key), if it is there. */
  async idOf(source: string, externalId: string, manager?: EntityManager): Promise<number | null> {
    const found = await (manager?.getRepository(Interaction) ?? this.interactions).findOne({
      where: { source, externalId },
      select: { id: true },
    });
    return found?.id ?? null;
  }

  /**
   * Inserts a call and its turns (numbered in order, in chunks) inside the caller's
   * transaction; returns the call's id. Only the id is read back.
   */
  async insertWithTurns(
    manager: EntityManager,
    values: QueryDeepPartialEntity<Interaction>,
    turns: Pick<Turn, 'speaker' | 'startMs' | 'endMs' | 'text'>[],
  ): Promise<number> {
    const insert = manager
      .createQueryBuilder()
      .insert()
      .into(Interaction)
      .values({ ...values, turnCount: turns.length })
      .updateEntity(false);
    if (manager.connection.options.type === 'postgres') insert.returning('id');
    const interactionId = insertedId((await insert.execute()).raw);
    for (let i = 0; i < turns.length; i += TURN_CHUNK) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(Turn)
        .values(
          turns.slice(i, i + TURN_CHUNK).map((t, j) => ({
            interactionId,
            seq: i + j,
            speaker: t.speaker,
            startMs: t.startMs,
            endMs: t.endMs,
            text: t.text,
          })),
        )
        .updateEntity(false)
        .execute();
    }
    return interactionId;
  }

  /**
   * Deletes the turns, notes and recording reference of these calls and marks them deleted
   * (a call already marked keeps its first mark). Metadata, scores and evaluations stay.
   */
  async deleteTranscripts(
    manager: EntityManager,
    ids: number[],
    at: Date,
    by: TranscriptDeletion,
  ): Promise<{ turns: number; recordings: number }> {
    if (ids.length === 0) return { turns: 0, recordings: 0 };
    const turns = await manager
      .createQueryBuilder()
      .delete()
      .from(Turn)
      .where('interactionId IN (:...ids)', { ids })
      .execute();
    const recordings = await manager
      .createQueryBuilder(Interaction, 'i')
      .where('i.id IN (:...ids) AND i.recordingUrl IS NOT NULL', { ids })
      .getCount();
    await manager
      .createQueryBuilder()
      .update(Interaction)
      .set({ notes: null, recordingUrl: null })
      .where('id IN (:...ids)', { ids })
      .execute();
    await manager
      .createQueryBuilder()
      .update(Interaction)
      .set({ transcriptDeletedAt: at, transcriptDeletedBy: by })
      .where('id IN (:...ids) AND transcriptDeletedAt IS NULL', { ids })
      .execute();
    return { turns: turns.affected ?? 0, recordings };
  }

  /** Calls whose transcript is still kept and that started before `before`, by id, a batch at a time. */
  expiredCandidates(before: Date, afterId: number, limit: number): Promise<RetentionCandidate[]> {
    return this.interactions
      .createQueryBuilder('i')
      .select(['i.id', 'i.source', 'i.channel', 'i.language', 'i.startedAt'])
      .where('i.transcriptDeletedAt IS NULL AND i.startedAt < :before AND i.id > :afterId', {
        before,
        afterId,
      })
      .orderBy('i.id', 'ASC')
      .take(limit)
      .getMany();
  }

  /** Calls still holding a transcript that started before `before`, per source and channel. */
  async keptBefore(before: Date): Promise<{ source: string; channel: string; calls: number }[]> {
    const rows = await this.interactions
      .createQueryBuilder('i')
      .select(['i.source AS source', 'i.channel AS channel', 'COUNT(*) AS calls'])
      .where('i.transcriptDeletedAt IS NULL AND i.startedAt < :before', { before })
      .groupBy('i.source')
      .addGroupBy('i.channel')
      .getRawMany<{ source: string; channel: string; calls: string | number }>();
    return rows.map((r) => ({ source: r.source, channel: r.channel, calls: Number(r.calls) }));
  }

  /** Calls by id or external id (a data subject request by call). */
  byIdOrExternalId(value: string): Promise<RequestCandidate[]> {
    const qb = this.interactions
      .createQueryBuilder('i')
      .select(REQUEST_FIELDS)
      .where('i.externalId = :value', { value });
    if (/^\d{1,9}$/.test(value)) qb.orWhere('i.id = :id', { id: Number(value) });
    return qb.orderBy('i.id', 'ASC').getMany();
  }

  /** Calls whose metadata text holds `fragment` (narrowed further by the caller). */
  metadataContaining(fragment: string): Promise<RequestCandidate[]> {
    return this.interactions
      .createQueryBuilder('i')
      .select(REQUEST_FIELDS)
      .where(`i.metadata LIKE :fragment ${LIKE_ESCAPE}`, { fragment: containsPattern(fragment) })
      .orderBy('i.id', 'ASC')
      .getMany();
  }

  async setMetadata(
    manager: EntityManager,
    id: number,
    metadata: Record<string, unknown> | null,
  ): Promise<void> {
    await manager.update(Interaction, { id }, { metadata: metadata as never });
  }

  /** Calls stored verbatim (not yet redacted) whose transcript is kept, by id. */
  notRedacted(afterId: number, limit: number): Promise<Interaction[]> {
    return this.interactions
      .createQueryBuilder('i')
      .select(['i.id', 'i.source', 'i.language', 'i.notes'])
      .where('i.redactedAt IS NULL AND i.transcriptDeletedAt IS NULL AND i.id > :afterId', {
        afterId,
      })
      .orderBy('i.id', 'ASC')
      .take(limit)
      .getMany();
  }

  countNotRedacted(): Promise<number> {
    return this.interactions
      .createQueryBuilder('i')
      .where('i.redactedAt IS NULL AND i.transcriptDeletedAt IS NULL')
      .getCount();
  }

  turnsIn(manager: EntityManager, interactionId: number): Promise<Turn[]> {
    return manager.find(Turn, { where: { interactionId }, order: { seq: 'ASC' } });
  }

  /** Writes a call's redacted turn texts (by seq) and notes, and marks it redacted. */
  async storeRedacted(
    manager: EntityManager,
    interactionId: number,
    changedTurns: { seq: number; text: string }[],
    notes: string | null,
    at: Date,
  ): Promise<void> {
    for (const turn of changedTurns) {
      await manager.update(Turn, { interactionId, seq: turn.seq }, { text: turn.text });
    }
    await manager.update(Interaction, { id: interactionId }, { notes, redactedAt: at });
  }
}
