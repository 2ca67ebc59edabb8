import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
  UpdateDateColumn,
} from 'typeorm';
import { Agent } from '../../agents/entities/agent.entity';
import { User } from '../../users/entities/user.entity';

export type CoachingPlanStatus = 'draft' | 'shared';

/**
 * A coaching plan for one agent and period: generated from their profile, edited by the team
 * lead, then shared (the agent can read it). `content` is the plan as edited; `profile` the
 * numbers it was generated from. The PDF is a file under DATA_DIR/coaching.
 */
@Entity('coaching_plans')
@Index('IDX_coaching_plans_agent_created', ['agentId', 'createdAt'])
export class CoachingPlan {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  agentId: number;

  @ManyToOne(() => Agent, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agentId' })
  agent?: Relation<Agent>;

  @Column({ type: 'integer', nullable: true })
  authorId: number | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'authorId' })
  author?: Relation<User> | null;

  /** YYYY-MM-DD, inclusive. */
  @Column({ type: 'varchar', length: 10 })
  periodFrom: string;

  @Column({ type: 'varchar', length: 10 })
  periodTo: string;

  @Column({ type: 'varchar', length: 10 })
  status: CoachingPlanStatus;

  @Column({ type: 'simple-json' })
  content: Record<string, unknown>;

  @Column({ type: 'simple-json' })
  profile: Record<string, unknown>;

  /** The agent's plan before this one, whose goals this one reports progress against. */
  @Column({ type: 'integer', nullable: true })
  previousPlanId: number | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  pdfFile: string | null;

  @Column({ type: Date, nullable: true })
  pdfAt: Date | null;

  @Column({ type: Date, nullable: true })
  sharedAt: Date | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
