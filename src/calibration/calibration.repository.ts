import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../common/current-user';
import { Page, pageOf } from '../common/pagination';
import type { ClosedSessionScores } from './calibration-results';
import { CalibrationParticipant } from './entities/calibration-participant.entity';
import { CalibrationSession, CalibrationStatus } from './entities/calibration-session.entity';

/** A participant as the pages need them: who, and how far they got (never their score). */
export interface ParticipantState {
  sessionId: number;
  userId: number;
  name: string;
  evaluationId: number | null;
  evaluationStatus: string | null;
}

@Injectable()
export class CalibrationRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get sessions() {
    return this.dataSource.getRepository(CalibrationSession);
  }

  /** The session with its call, scorecard version (definition included) and expert. */
  /** Opens a session with its participants (none has a draft yet), in the caller's transaction. */
  async insertSession(
    manager: EntityManager,
    values: Partial<CalibrationSession>,
    participantIds: number[],
  ): Promise<CalibrationSession> {
    const session = await manager.save(manager.create(CalibrationSession, values));
    await manager.insert(
      CalibrationParticipant,
      participantIds.map((userId) => ({ sessionId: session.id, userId, evaluationId: null })),
    );
    return session;
  }

  /** Links the participant's draft unless they already have one; false when they had. */
  async linkDraft(
    manager: EntityManager,
    sessionId: number,
    userId: number,
    evaluationId: number,
  ): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(CalibrationParticipant)
      .set({ evaluationId })
      .where('sessionId = :sessionId AND userId = :userId AND evaluationId IS NULL', {
        sessionId,
        userId,
      })
      .execute();
    return result.affected === 1;
  }

  /** Closes an open session; false when it was closed already. */
  async close(manager: EntityManager, id: number, closedAt: Date): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(CalibrationSession)
      .set({ status: 'closed', closedAt })
      .where('id = :id AND status = :open', { id, open: 'open' })
      .execute();
    return result.affected === 1;
  }

  findSession(id: number, manager?: EntityManager): Promise<CalibrationSession | null> {
    return (manager ?? this.dataSource.manager).getRepository(CalibrationSession).findOne({
      where: { id },
      relations: { interaction: true, scorecardVersion: { scorecard: true }, expert: true },
    });
  }

  /** Participants in the order they were named, with their evaluation's status. */
  async participants(sessionIds: number[], manager?: EntityManager): Promise<ParticipantState[]> {
    if (sessionIds.length === 0) return [];
    const rows = await (manager ?? this.dataSource.manager)
      .getRepository(CalibrationParticipant)
      .createQueryBuilder('p')
      .innerJoin('p.user', 'u')
      .leftJoin('p.evaluation', 'e')
      .select(['p.id', 'p.sessionId', 'p.userId', 'p.evaluationId', 'u.id', 'u.name'])
      .addSelect(['e.id', 'e.status'])
      .where('p.sessionId IN (:...sessionIds)', { sessionIds })
      .orderBy('p.id', 'ASC')
      .getMany();
    return rows.map((p) => ({
      sessionId: p.sessionId,
      userId: p.userId,
      name: p.user!.name,
      evaluationId: p.evaluationId,
      evaluationStatus: p.evaluation?.status ?? null,
    }));
  }

  findParticipant(sessionId: number, userId: number): Promise<CalibrationParticipant | null> {
    return this.dataSource.getRepository(CalibrationParticipant).findOneBy({ sessionId, userId });
  }

  findParticipantByEvaluation(
    evaluationId: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<CalibrationParticipant | null> {
    return manager.getRepository(CalibrationParticipant).findOneBy({ evaluationId });
  }

  /** Admins see every session; anyone else the sessions they take part in. */
  async page(
    actor: Actor,
    status: CalibrationStatus,
    page: number,
    pageSize: number,
  ): Promise<Page<CalibrationSession>> {
    const qb = this.sessions
      .createQueryBuilder('s')
      .leftJoin('s.interaction', 'i')
      .addSelect(['i.id', 'i.externalId', 'i.source'])
      .leftJoin('s.scorecardVersion', 'v')
      .addSelect(['v.id', 'v.version'])
      .leftJoin('v.scorecard', 'sc')
      .addSelect(['sc.id', 'sc.key', 'sc.name'])
      .leftJoin('s.expert', 'x')
      .addSelect(['x.id', 'x.name'])
      .where('s.status = :status', { status });
    if (actor.role !== 'admin') {
      qb.andWhere(
        's.id IN (SELECT "cp"."sessionId" FROM "calibration_participants" "cp" WHERE "cp"."userId" = :me)',
        { me: actor.id },
      );
    }
    qb.orderBy(status === 'open' ? 's.createdAt' : 's.closedAt', 'DESC').addOrderBy('s.id', 'DESC');
    const [items, total] = await qb
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    return pageOf(items, total, page, pageSize);
  }

  /**
   * Every closed session's participants and overall scores, oldest first. `counts` says whether
   * the evaluation is part of the results: submitted before the session closed.
   */
  async closedScores(): Promise<ClosedSessionScores[]> {
    const sessions = await this.sessions.find({
      select: { id: true, closedAt: true, expertId: true },
      where: { status: 'closed' },
      order: { closedAt: 'ASC', id: 'ASC' },
    });
    if (sessions.length === 0) return [];
    const rows = await this.dataSource
      .getRepository(CalibrationParticipant)
      .createQueryBuilder('p')
      .innerJoin('p.user', 'u')
      .leftJoin('p.evaluation', 'e')
      .select(['p.id', 'p.sessionId', 'p.userId', 'u.id', 'u.name'])
      .addSelect(['e.id', 'e.status', 'e.overallScore', 'e.submittedAt'])
      .innerJoin('p.session', 's', 's.status = :closed', { closed: 'closed' })
      .orderBy('p.id', 'ASC')
      .getMany();
    const bySession = new Map<number, CalibrationParticipant[]>();
    for (const row of rows) {
      const own = bySession.get(row.sessionId);
      if (own) own.push(row);
      else bySession.set(row.sessionId, [row]);
    }
    return sessions.map((s) => ({
      sessionId: s.id,
      closedAt: s.closedAt!,
      expertId: s.expertId,
      scores: (bySession.get(s.id) ?? []).map((p) => ({
        userId: p.userId,
        name: p.user!.name,
        overallScore: p.evaluation?.overallScore ?? null,
        evaluation: p.evaluation
          ? { status: p.evaluation.status, submittedAt: p.evaluation.submittedAt }
          : null,
      })),
    }));
  }
}
