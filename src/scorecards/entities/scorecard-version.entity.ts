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
   * As an API answer: the definition without its text models' weights (tens of thousands of
   * numbers no reader needs; each model keeps its question, where it was trained and its size).
   * The engine reads the stored definition itself, weights and all.
   */
  toJSON(): Omit<ScorecardVersion, 'toJSON'> {
    const models = this.definition?.autoQa?.textModels;
    if (models === undefined) return { ...this };
    const brief = Object.fromEntries(
      Object.entries(models).map(([name, m]) => [
        name,
        { question: m.question, trainedOn: m.trainedOn, features: m.features.length },
      ]),
    );
    return {
      ...this,
      definition: { ...this.definition, autoQa: { ...this.definition.autoQa, textModels: brief } },
    };
  }
}
