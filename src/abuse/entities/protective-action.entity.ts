import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Interaction } from '../../interactions/entities/interaction.entity';
import { User } from '../../users/entities/user.entity';

export const PROTECTIVE_ACTIONS = ['break', 'transfer', 'warning', 'legal', 'other'] as const;
export type ProtectiveActionKind = (typeof PROTECTIVE_ACTIONS)[number];

/** What a lead did to protect the agent after an abusive call (고객응대근로자 보호). */
@Entity('protective_actions')
@Index('IDX_protective_actions_interaction', ['interactionId'])
export class ProtectiveAction {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  interactionId: number;

  @ManyToOne(() => Interaction, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'interactionId' })
  interaction?: Interaction;

  @Column({ type: 'varchar', length: 20 })
  action: ProtectiveActionKind;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  note: string | null;

  @Column({ type: 'integer', nullable: true })
  recordedById: number | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'recordedById' })
  recordedBy?: User | null;

  @CreateDateColumn()
  recordedAt: Date;
}
