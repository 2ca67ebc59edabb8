import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Speaker } from '../../transcripts/transcript';
import { Interaction } from './interaction.entity';

@Entity('turns')
@Index('IDX_turns_interaction_seq', ['interactionId', 'seq'], { unique: true })
export class Turn {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  interactionId: number;

  @ManyToOne(() => Interaction, (i) => i.turns, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'interactionId' })
  interaction?: Interaction;

  /** 0-based position in the interaction. */
  @Column({ type: 'integer' })
  seq: number;

  @Column({ type: 'varchar', length: 10 })
  speaker: Speaker;

  @Column({ type: 'integer' })
  startMs: number;

  @Column({ type: 'integer' })
  endMs: number;

  @Column({ type: 'text' })
  text: string;
}
