import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The KPI roll-up (issue 17): per agent, UTC day, queue and channel, the counts and sums the KPI
 * table is made of (calls, AHT, hold, silence, transfers, CSAT, FCR from metadata, mean QA score
 * per call by source), so a team view sums a few thousand rows instead of reading every call.
 * Rebuilt for an agent-day by the same refresh job as criterion_stats (AnalyticsService.refresh)
 * and in whole by `npm run cli -- analytics rebuild`. Calls without an agent are not in it.
 */
@Entity('outcome_stats')
@Index('IDX_outcome_stats_agent_day', ['agentId', 'day'])
@Index('IDX_outcome_stats_day', ['day'])
export class OutcomeStat {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  agentId: number;

  /** YYYY-MM-DD (UTC) of the call's start. */
  @Column({ type: 'varchar', length: 10 })
  day: string;

  @Column({ type: 'varchar', length: 120, nullable: true })
  queue: string | null;

  @Column({ type: 'varchar', length: 20 })
  channel: string;

  @Column({ type: 'integer' })
  calls: number;

  /** Handling time (talk + after-call work) in seconds: sum and sum of squares. */
  @Column({ type: 'double precision' })
  ahtSum: number;

  @Column({ type: 'double precision' })
  ahtSumSq: number;

  /** Calls whose source gave hold time, their hold and their length (ms). */
  @Column({ type: 'integer' })
  holdCalls: number;

  @Column({ type: 'double precision' })
  holdMs: number;

  @Column({ type: 'double precision' })
  holdDurationMs: number;

  /** Voice calls: time with no one speaking, and their length (ms). */
  @Column({ type: 'double precision' })
  silenceMs: number;

  @Column({ type: 'double precision' })
  voiceDurationMs: number;

  @Column({ type: 'integer' })
  transferN: number;

  @Column({ type: 'integer' })
  transferYes: number;

  @Column({ type: 'integer' })
  csatN: number;

  @Column({ type: 'double precision' })
  csatSum: number;

  @Column({ type: 'double precision' })
  csatSumSq: number;

  /** FCR as the metadata gave it; fcrMissing calls had none (derived FCR is not rolled up). */
  @Column({ type: 'integer' })
  fcrN: number;

  @Column({ type: 'integer' })
  fcrYes: number;

  @Column({ type: 'integer' })
  fcrMissing: number;

  /** The calls' mean QA score (counted evaluations, every scorecard), human and auto apart. */
  @Column({ type: 'integer' })
  humanN: number;

  @Column({ type: 'double precision' })
  humanSum: number;

  @Column({ type: 'double precision' })
  humanSumSq: number;

  @Column({ type: 'integer' })
  autoN: number;

  @Column({ type: 'double precision' })
  autoSum: number;

  @Column({ type: 'double precision' })
  autoSumSq: number;
}
