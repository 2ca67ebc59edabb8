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
import { CoachingPlan } from './coaching-plan.entity';

export type FeedbackStatus = 'scheduled' | 'held';

/**
 * A team lead and an agent going through a plan: notes per focus criterion, the agent's
 * commitments, a follow-up date; done when both acknowledged.
 */
@Entity('feedback_sessions')
@Index('IDX_feedback_sessions_plan', ['planId'])
export class FeedbackSession {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  planId: number;

  @ManyToOne(() => CoachingPlan, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'planId' })
  plan?: Relation<CoachingPlan>;

  @Column({ type: Date })
  scheduledAt: Date;

  @Column({ type: 'varchar', length: 10 })
  status: FeedbackStatus;

  /** Focus criterion key → what was discussed. */
  @Column({ type: 'simple-json', nullable: true })
  notes: Record<string, string> | null;

  @Column({ type: 'text', nullable: true })
  commitments: string | null;

  /** YYYY-MM-DD. */
  @Column({ type: 'varchar', length: 10, nullable: true })
  followUpDate: string | null;

  @Column({ type: Date, nullable: true })
  heldAt: Date | null;

  @Column({ type: Date, nullable: true })
  leadAcknowledgedAt: Date | null;

  @Column({ type: Date, nullable: true })
  agentAcknowledgedAt: Date | null;

  @Column({ type: 'integer', nullable: true })
  createdById: number | null;

  @CreateDateColumn()
  createdAt: Date;
}
