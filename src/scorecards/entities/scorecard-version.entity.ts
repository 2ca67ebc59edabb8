import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import type { ScorecardDefinition } from '../scorecard-definition';
import { Scorecard } from './scorecard.entity';

/** Immutable: editing a scorecard adds a version, so old evaluations keep their criteria. */
@Entity('scorecard_versions')
@Unique('UQ_scorecard_versions_scorecard_version', ['scorecardId', 'version'])
export class ScorecardVersion {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  scorecardId: number;

  @ManyToOne(() => Scorecard, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'scorecardId' })
  scorecard?: Scorecard;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'simple-json' })
  definition: ScorecardDefinition;

  @Column({ type: 'varchar', length: 64 })
  contentHash: string;

  /** The YAML file it was loaded from, or 'api'. */
  @Column({ type: 'varchar', length: 500 })
  sourceFile: string;

  @CreateDateColumn()
  createdAt: Date;
}
