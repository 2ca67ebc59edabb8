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
import { Interaction } from '../../interactions/entities/interaction.entity';
import { User } from '../../users/entities/user.entity';
import { SamplingRule } from './sampling-rule.entity';

export const QUEUE_STATUSES = ['open', 'in_progress', 'done', 'skipped'] as const;
export type QueueStatus = (typeof QUEUE_STATUSES)[number];

/** A call waiting to be scored: why it was picked, who scores it, by when, and how far it got. */
@Entity('queue_items')
@Index('IDX_queue_items_interaction', ['interactionId'], { unique: true })
@Index('IDX_queue_items_evaluator_status_due', ['evaluatorId', 'status', 'dueAt'])
@Index('IDX_queue_items_status_due', ['status', 'dueAt'])
export class QueueItem {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  interactionId: number;

  @ManyToOne(() => Interaction, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'interactionId' })
  interaction?: Relation<Interaction>;

  @Column({ type: 'integer', nullable: true })
  ruleId: number | null;

  @ManyToOne(() => SamplingRule, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'ruleId' })
  rule?: Relation<SamplingRule> | null;

  /** Why it was picked, in English words (e.g. "CSAT 1 ≤ 2"), for the API and the CLI. */
  @Column({ type: 'varchar', length: 200 })
  reason: string;

  /** The same as a code pages translate (`sampling.reason.<code>`); null on items queued before. */
  @Column({ type: 'varchar', length: 40, nullable: true })
  reasonCode: string | null;

  @Column({ type: 'simple-json', nullable: true })
  reasonParams: Record<string, string | number> | null;

  @Column({ type: 'varchar', length: 120, nullable: true })
  scorecardKey: string | null;

  @Column({ type: 'integer', nullable: true })
  evaluatorId: number | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'evaluatorId' })
  evaluator?: Relation<User> | null;

  @Column({ type: 'varchar', length: 20 })
  status: QueueStatus;

  @Column({ type: Date })
  dueAt: Date;

  @Column({ type: 'integer', nullable: true })
  evaluationId: number | null;

  @CreateDateColumn()
  createdAt: Date;

  @Column({ type: Date, nullable: true })
  completedAt: Date | null;
}
