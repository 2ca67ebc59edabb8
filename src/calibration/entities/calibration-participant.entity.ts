import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { Evaluation } from '../../evaluations/entities/evaluation.entity';
import { User } from '../../users/entities/user.entity';
import { CalibrationSession } from './calibration-session.entity';

/** One evaluator in a calibration session, and their (calibration-kind) evaluation once opened. */
@Entity('calibration_participants')
@Index('IDX_calibration_participants_session_user', ['sessionId', 'userId'], { unique: true })
export class CalibrationParticipant {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  sessionId: number;

  @ManyToOne(() => CalibrationSession, (s) => s.participants, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'sessionId' })
  session?: Relation<CalibrationSession>;

  @Column({ type: 'integer' })
  userId: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: Relation<User>;

  @Column({ type: 'integer', nullable: true })
  evaluationId: number | null;

  @ManyToOne(() => Evaluation, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'evaluationId' })
  evaluation?: Relation<Evaluation> | null;
}
