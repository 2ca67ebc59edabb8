import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { Evaluation } from '../../evaluations/entities/evaluation.entity';
import { User } from '../../users/entities/user.entity';

export const RESPONSE_KINDS = ['acknowledged', 'disputed', 'resolved'] as const;
export type ResponseKind = (typeof RESPONSE_KINDS)[number];
export type DisputeOutcome = 'upheld' | 'changed';

/**
 * What happened to an evaluation after it was submitted: the agent acknowledged it (with an
 * optional comment) or disputed chosen criteria with a reason; a team lead or evaluator resolved
 * the dispute, upheld or changed, with a reason and the score before and after. Never updated:
 * the rows are the history.
 */
@Entity('evaluation_responses')
@Index('IDX_evaluation_responses_evaluation', ['evaluationId'])
export class EvaluationResponse {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  evaluationId: number;

  @ManyToOne(() => Evaluation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'evaluationId' })
  evaluation?: Relation<Evaluation>;

  @Column({ type: 'integer', nullable: true })
  userId: number | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'userId' })
  user?: Relation<User> | null;

  @Column({ type: 'varchar', length: 20 })
  kind: ResponseKind;

  /** The agent's comment or reason, or the resolver's reason. */
  @Column({ type: 'text', nullable: true })
  comment: string | null;

  /** Disputes: the criterion keys disputed. */
  @Column({ type: 'simple-json', nullable: true })
  criteria: string[] | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  outcome: DisputeOutcome | null;

  /** Resolutions that changed answers: criterion key → value before and after (null = N/A). */
  @Column({ type: 'simple-json', nullable: true })
  changes: Record<string, { from: number | null; to: number | null }> | null;

  @Column({ type: 'double precision', nullable: true })
  scoreBefore: number | null;

  @Column({ type: 'double precision', nullable: true })
  scoreAfter: number | null;

  @CreateDateColumn()
  createdAt: Date;
}
