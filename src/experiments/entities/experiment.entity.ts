import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

export const ASSIGNMENTS = ['metadata', 'queue', 'phrase'] as const;
export type Assignment = (typeof ASSIGNMENTS)[number];

/** One script variant and what puts a call in it (a metadata value, a queue, a phrase). */
export interface ExperimentVariant {
  key: string;
  label: string;
  value: string;
}

/**
 * A script A/B test: which calls belong to which variant (by a metadata field's value, by queue,
 * or by a phrase of the variant the agent said, found in the transcript) during a period; the
 * first variant is the one the others are compared with.
 */
@Entity('experiments')
@Unique('UQ_experiments_name', ['name'])
export class Experiment {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'varchar', length: 20 })
  assignment: Assignment;

  /** The metadata field (assignment = metadata). */
  @Column({ type: 'varchar', length: 120, nullable: true })
  field: string | null;

  @Column({ type: 'simple-json' })
  variants: ExperimentVariant[];

  /** Criteria compared beside CSAT, FCR, AHT and the QA score (of `scorecardKey`). */
  @Column({ type: 'varchar', length: 120, nullable: true })
  scorecardKey: string | null;

  @Column({ type: 'simple-json' })
  criteria: string[];

  /** YYYY-MM-DD, both inclusive (UTC days of the calls' start). */
  @Column({ type: 'varchar', length: 10 })
  fromDay: string;

  @Column({ type: 'varchar', length: 10 })
  toDay: string;

  @Column({ type: 'integer', nullable: true })
  createdById: number | null;

  @CreateDateColumn()
  createdAt: Date;
}
