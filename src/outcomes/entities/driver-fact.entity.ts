import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The drivers roll-up (issue 17): per call, scorecard and source (human or auto), the answers
 * that count (the latest evaluation's, N/A left out) as the criteria that passed and failed,
 * with the call's CSAT and FCR as its metadata gave them — one row where the direct query reads
 * one answer per criterion and evaluation. Kept with outcome_stats by the same refresh job and
 * rebuild. Calls without an agent are not in it.
 */
@Entity('driver_facts')
@Index('IDX_driver_facts_agent_day', ['agentId', 'day', 'scorecardKey'])
export class DriverFact {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  interactionId: number;

  @Column({ type: 'integer' })
  agentId: number;

  /** YYYY-MM-DD (UTC) of the call's start. */
  @Column({ type: 'varchar', length: 10 })
  day: string;

  @Column({ type: 'varchar', length: 120 })
  scorecardKey: string;

  @Column({ type: 'varchar', length: 10 })
  source: 'human' | 'auto';

  /** Answer rows behind this call and source (every evaluation; picks the default scorecard). */
  @Column({ type: 'integer' })
  answers: number;

  /** Criterion keys, '\n'-separated. */
  @Column({ type: 'text' })
  passedKeys: string;

  @Column({ type: 'text' })
  failedKeys: string;

  @Column({ type: 'double precision', nullable: true })
  csat: number | null;

  @Column({ type: 'boolean', nullable: true })
  fcr: boolean | null;
}
