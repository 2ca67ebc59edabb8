import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { Interaction } from '../../interactions/entities/interaction.entity';
import { ScorecardVersion } from '../../scorecards/entities/scorecard-version.entity';
import { User } from '../../users/entities/user.entity';
import { CalibrationParticipant } from './calibration-participant.entity';

export type CalibrationStatus = 'open' | 'closed';

/**
 * Several evaluators score the same call blind on the same scorecard version; one is the expert.
 * Results are shown once everyone submitted or an admin closed it. Their evaluations are of kind
 * `calibration` and never count in an agent's scores.
 */
@Entity('calibration_sessions')
@Index('IDX_calibration_sessions_status', ['status'])
export class CalibrationSession {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  interactionId: number;

  @ManyToOne(() => Interaction, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'interactionId' })
  interaction?: Relation<Interaction>;

  @Column({ type: 'integer' })
  scorecardVersionId: number;

  @ManyToOne(() => ScorecardVersion, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'scorecardVersionId' })
  scorecardVersion?: Relation<ScorecardVersion>;

  @Column({ type: 'integer', nullable: true })
  expertId: number | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'expertId' })
  expert?: Relation<User> | null;

  @Column({ type: 'integer', nullable: true })
  createdById: number | null;

  @Column({ type: 'varchar', length: 10 })
  status: CalibrationStatus;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: Date, nullable: true })
  dueAt: Date | null;

  @Column({ type: Date, nullable: true })
  closedAt: Date | null;

  @OneToMany(() => CalibrationParticipant, (p) => p.session)
  participants?: Relation<CalibrationParticipant>[];

  @CreateDateColumn()
  createdAt: Date;
}
