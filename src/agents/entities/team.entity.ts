import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { User } from '../../users/entities/user.entity';

@Entity('teams')
export class Team {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 120, unique: true })
  name: string;

  @Column({ type: 'varchar', length: 120, nullable: true })
  leadName: string | null;

  /** The team lead user: sees this team's agents, their interactions and evaluations. */
  @Index('IDX_teams_lead')
  @Column({ type: 'integer', nullable: true })
  leadUserId: number | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'leadUserId' })
  leadUser?: Relation<User> | null;

  @CreateDateColumn()
  createdAt: Date;
}
