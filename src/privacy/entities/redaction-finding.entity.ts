import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Interaction } from '../../interactions/entities/interaction.entity';

/**
 * Where the import masked personal data, for audit: the kind and the place in the stored
 * (redacted) text, never the value.
 */
@Entity('redaction_findings')
@Index('IDX_redaction_findings_interaction', ['interactionId'])
export class RedactionFindingRow {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  interactionId: number;

  @ManyToOne(() => Interaction, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'interactionId' })
  interaction?: Interaction;

  /** The turn's seq; null for the agent's notes. */
  @Column({ type: 'integer', nullable: true })
  turnSeq: number | null;

  @Column({ type: 'varchar', length: 20 })
  kind: string;

  @Column({ type: 'integer' })
  startOffset: number;

  @Column({ type: 'integer' })
  endOffset: number;
}
