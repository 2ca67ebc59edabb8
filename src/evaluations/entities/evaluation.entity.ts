import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Interaction } from '../../interactions/entities/interaction.entity';
import { ScorecardVersion } from '../../scorecards/entities/scorecard-version.entity';
import { User } from '../../users/entities/user.entity';
import type { ScoreBreakdown } from '../../scoring/score-formula';
import { EvaluationAnswer } from './evaluation-answer.entity';

export const EVALUATION_KINDS = ['manual', 'auto', 'calibration', 'mystery_shop'] as const;
export type EvaluationKind = (typeof EVALUATION_KINDS)[number];
export const EVALUATION_STATUSES = [
  'draft',
  'submitted',
  'acknowledged',
  'disputed',
  'resolved',
] as const;
export type EvaluationStatus = (typeof EVALUATION_STATUSES)[number];

@Entity('evaluations')
@Index('IDX_evaluations_interaction', ['interactionId'])
@Index('IDX_evaluations_status_kind', ['status', 'kind'])
@Index('IDX_evaluations_interaction_kind', ['interactionId', 'kind'])
/** One auto evaluation per call and scorecard version, whatever number of processes score. */
@Index('UQ_evaluations_auto', ['interactionId', 'scorecardVersionId'], {
  unique: true,
  where: `"kind" = 'auto'`,
})
/**
 * One open manual draft per call, evaluator and scorecard version, held by the database: two
 * "open draft" requests racing cannot both insert (the loser answers with the winner's draft).
 */
@Index('UQ_evaluations_open_draft', ['interactionId', 'evaluatorId', 'scorecardVersionId'], {
  unique: true,
  where: `"status" = 'draft' AND "kind" = 'manual'`,
})
export class Evaluation {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  interactionId: number;

  @ManyToOne(() => Interaction, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'interactionId' })
  interaction?: Interaction;

  @Column({ type: 'integer' })
  scorecardVersionId: number;

  @ManyToOne(() => ScorecardVersion, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'scorecardVersionId' })
  scorecardVersion?: ScorecardVersion;

  /** Null for machine (auto) evaluations. */
  @Column({ type: 'integer', nullable: true })
  evaluatorId: number | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'evaluatorId' })
  evaluator?: User | null;

  @Column({ type: 'varchar', length: 20 })
  kind: EvaluationKind;

  @Column({ type: 'varchar', length: 20 })
  status: EvaluationStatus;

  /** 0..100, computed from the answers when saved. */
  @Column({ type: 'double precision', nullable: true })
  overallScore: number | null;

  @Column({ type: 'boolean', nullable: true })
  passed: boolean | null;

  @Column({ type: 'simple-json', nullable: true })
  breakdown: ScoreBreakdown | null;

  /** Call metrics measured by auto-QA (interruptions, silence, talk ratio ...); auto kind only. */
  @Column({ type: 'simple-json', nullable: true })
  metrics: Record<string, unknown> | null;

  /** Optimistic lock: every change must carry the version it was made from. */
  @Column({ type: 'integer', default: 1 })
  version: number;

  @Column({ type: Date, nullable: true })
  submittedAt: Date | null;

  @OneToMany(() => EvaluationAnswer, (a) => a.evaluation)
  answers?: EvaluationAnswer[];

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
