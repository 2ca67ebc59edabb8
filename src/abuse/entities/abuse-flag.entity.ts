import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  OneToOne,
  PrimaryColumn,
} from 'typeorm';
import { Interaction } from '../../interactions/entities/interaction.entity';
import type { AbuseCategory } from '../abuse-detector';

/** One turn the detector marked: the turn's seq and the kind of abuse, never the words. */
export interface StoredAbuseTurn {
  seq: number;
  category: AbuseCategory;
}

/**
 * What the abuse detector found on a call, stored when the call is imported (or by
 * `abuse-backfill` for calls imported before): a row for every checked call, flagged or not.
 */
@Entity('abuse_flags')
@Index('IDX_abuse_flags_flagged', ['flagged'])
export class AbuseFlag {
  @PrimaryColumn({ type: 'integer' })
  interactionId: number;

  @OneToOne(() => Interaction, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'interactionId' })
  interaction?: Interaction;

  @Column({ type: 'boolean' })
  flagged: boolean;

  /** threat, sexual, profanity, insult: those found, in that order. */
  @Column({ type: 'simple-json' })
  categories: AbuseCategory[];

  @Column({ type: 'simple-json' })
  turns: StoredAbuseTurn[];

  @CreateDateColumn()
  checkedAt: Date;
}
