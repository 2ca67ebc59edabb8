import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

export const SAMPLING_KINDS = [
  'random_per_agent_week',
  'low_csat',
  'auto_critical_fail',
  'queue',
  'channel',
] as const;
export type SamplingKind = (typeof SAMPLING_KINDS)[number];

/**
 * How calls reach the work queue, set by an admin:
 * - random_per_agent_week `{ perWeek: N }`: N random calls per agent per ISO week;
 * - low_csat `{ maxCsat: 2 }`: every call whose metadata.csat ≤ maxCsat;
 * - auto_critical_fail `{}`: every call whose auto-QA failed a critical criterion;
 * - queue `{ queue: 'billing', perWeek?: N }` / channel `{ channel: 'chat', perWeek?: N }`:
 *   calls of that queue/channel (all, or N per agent per week).
 */
@Entity('sampling_rules')
export class SamplingRule {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  @Column({ type: 'varchar', length: 30 })
  kind: SamplingKind;

  @Column({ type: 'simple-json' })
  params: Record<string, string | number>;

  /** The scorecard queued calls are scored on; null = the call's channel-language default. */
  @Column({ type: 'varchar', length: 120, nullable: true })
  scorecardKey: string | null;

  /** Days from queueing to the due date. */
  @Column({ type: 'integer', default: 7 })
  dueDays: number;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
