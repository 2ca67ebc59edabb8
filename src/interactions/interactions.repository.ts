import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository, WhereExpressionBuilder } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { Condition, interactionScope } from '../auth/visibility';
import type { Actor } from '../common/current-user';
import { containsPattern, LIKE_ESCAPE } from '../common/like';
import { Page, pageOf } from '../common/pagination';
import { visibleEvaluations } from '../evaluations/evaluation-visibility';
import { ListInteractionsDto } from './dto/list-interactions.dto';
import { Interaction } from './entities/interaction.entity';
import { Turn } from './entities/turn.entity';

export interface InteractionRow {
  id: number;
  source: string;
  externalId: string;
  channel: string;
  language: string;
  startedAt: Date;
  durationMs: number;
  queue: string | null;
  turnCount: number;
  agentExternalId: string | null;
  agentName: string | null;
  evaluations: number;
}

@Injectable()
export class InteractionsRepository {
  constructor(
    @InjectRepository(Interaction) private readonly interactions: Repository<Interaction>,
    @InjectRepository(Turn) private readonly turns: Repository<Turn>,
  ) {}

  async list(filter: ListInteractionsDto, actor: Actor): Promise<Page<InteractionRow>> {
    const page = filter.page ?? 1;
    const pageSize = filter.pageSize ?? 25;
    const qb = this.interactions
      .createQueryBuilder('i')
      .leftJoin('i.agent', 'a')
      .select([
        'i.id AS "id"',
        'i.source AS "source"',
        'i.externalId AS "externalId"',
        'i.channel AS "channel"',
        'i.language AS "language"',
        'i.startedAt AS "startedAt"',
        'i.durationMs AS "durationMs"',
        'i.queue AS "queue"',
        'i.turnCount AS "turnCount"',
        'a.externalId AS "agentExternalId"',
        'a.name AS "agentName"',
      ])
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
    const total = await qb.clone().getCount();
    const rows = await qb
      .orderBy('i.startedAt', 'DESC')
      .addOrderBy('i.id', 'DESC')
      .offset((page - 1) * pageSize)
      .limit(pageSize)
      .getRawMany<InteractionRow & { startedAt: string | Date; evaluations: string | number }>();
    return pageOf(
      rows.map((r) => ({
        ...r,
        startedAt: new Date(r.startedAt),
        evaluations: Number(r.evaluations),
      })),
      total,
      page,
      pageSize,
    );
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

  /** Read model for the replay page (kept here so interactions need not know evaluations). */
  async evaluationsOf(interactionId: number, actor: Actor): Promise<EvaluationSummary[]> {
    const qb = this.interactions.manager
      .createQueryBuilder()
      .select([
        'e.id AS "id"',
        'e.kind AS "kind"',
        'e.status AS "status"',
        'e.overallScore AS "overallScore"',
        'e.passed AS "passed"',
        'e.submittedAt AS "submittedAt"',
        'u.name AS "evaluatorName"',
        's.key AS "scorecardKey"',
        'v.version AS "scorecardVersion"',
        'e.metrics AS "metrics"',
      ])
      .from('evaluations', 'e')
      .innerJoin('scorecard_versions', 'v', 'v.id = e.scorecardVersionId')
      .innerJoin('scorecards', 's', 's.id = v.scorecardId')
      .leftJoin('users', 'u', 'u.id = e.evaluatorId')
      .where('e.interactionId = :interactionId', { interactionId })
      .orderBy('e.id', 'DESC');
    for (const condition of visibleEvaluations(actor, 'e')) where(qb, condition);
    const rows = await qb.getRawMany<
      Omit<EvaluationSummary, 'metrics'> & { metrics: string | null }
    >();
    return rows.map((r) => ({
      ...r,
      overallScore: r.overallScore === null ? null : Number(r.overallScore),
      passed: r.passed === null ? null : Boolean(r.passed),
      metrics: typeof r.metrics === 'string' ? (JSON.parse(r.metrics) as AutoMetrics) : null,
    }));
  }

  turnsOf(interactionId: number): Promise<Turn[]> {
    return this.turns.find({ where: { interactionId }, order: { seq: 'ASC' } });
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
}

function where(qb: WhereExpressionBuilder, condition: Condition | null): void {
  if (condition) qb.andWhere(condition.sql, condition.params);
}

export interface EvaluationSummary {
  id: number;
  kind: string;
  status: string;
  overallScore: number | null;
  passed: boolean | null;
  submittedAt: Date | null;
  evaluatorName: string | null;
  scorecardKey: string;
  scorecardVersion: number;
  /** Auto evaluations only: what auto-QA measured on the call. */
  metrics: AutoMetrics | null;
}

export interface AutoMetrics {
  interruptions: number;
  longestSilenceMs: number;
  unannouncedSilences: number;
  agentTalkRatio: number | null;
  apologies: number;
  customerNegativity: { start: number; peak: number; end: number };
  /** Absent on calls scored before it existed. */
  negativeTurns?: { turn: number; score: number }[];
}

/** Turns per INSERT statement: well under both databases' parameter limits. */
const TURN_CHUNK = 500;

/** PostgreSQL answers RETURNING rows; SQLite's driver answers the last inserted row id. */
function insertedId(raw: unknown): number {
  const id: unknown = Array.isArray(raw) ? (raw[0] as { id?: unknown } | undefined)?.id : raw;
  if (typeof id !== 'number' || !Number.isInteger(id)) {
    throw new Error('the database did not report the id of the new interaction');
  }
  return id;
}
