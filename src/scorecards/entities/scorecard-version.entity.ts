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
import { withoutWeights } from '../text-model-refs';

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

  /** When it was published (stored, synced or loaded at start-up). */
  @CreateDateColumn()
  createdAt: Date;

  /** The user who published it (synced or saved from the editor); null for a start-up load. */
  @Column({ type: 'integer', nullable: true })
  publishedById: number | null;

  /**
   * Who published it as the audit log names them (`name <email>`, or `system` for a start-up
   * load), kept as text so it survives the user's deletion.
   */
  @Column({ type: 'varchar', length: 200, nullable: true })
  publishedByName: string | null;

  /**
   * As an API answer: the definition with each text model as its reference (question, where it
   * was trained, size), never its weights (a version stored before the model store kept them).
   */
  toJSON(): Omit<ScorecardVersion, 'toJSON'> {
    return this.definition === undefined
      ? { ...this }
      : { ...this, definition: withoutWeights(this.definition) };
  }
}
