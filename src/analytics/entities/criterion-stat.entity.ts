import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Pass/fail/N/A counts per agent, day, scorecard, criterion and source (human or auto): the
 * roll-up the agent profile and team heat map read, so they answer in milliseconds over a
 * million answers. Rebuilt from the evaluations for an agent-day whenever one changes
 * (AnalyticsService.refresh) and in whole by `npm run cli -- analytics rebuild`.
 */
@Entity('criterion_stats')
@Index('IDX_criterion_stats_key', ['agentId', 'day', 'scorecardKey', 'criterionKey', 'source'], {
  unique: true,
})
@Index('IDX_criterion_stats_team_day', ['teamId', 'day'])
export class CriterionStat {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  agentId: number;

  @Column({ type: 'integer', nullable: true })
  teamId: number | null;

  /** YYYY-MM-DD (UTC) of the call. */
  @Column({ type: 'varchar', length: 10 })
  day: string;

  @Column({ type: 'varchar', length: 120 })
  scorecardKey: string;

  @Column({ type: 'varchar', length: 120 })
  criterionKey: string;

  /** 'human' (manual and mystery-shop) or 'auto'. Calibration never counts. */
  @Column({ type: 'varchar', length: 10 })
  source: 'human' | 'auto';

  @Column({ type: 'integer' })
  passed: number;

  @Column({ type: 'integer' })
  failed: number;

  @Column({ type: 'integer' })
  na: number;
}
