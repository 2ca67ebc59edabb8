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

/**
 * Something a user should see on their page: a new evaluation, a dispute to resolve, a dispute
 * resolved, a shared coaching plan. `kind` is a locale key suffix (`notification.<kind>`), `params`
 * its parameters; `link` where it leads.
 */
@Entity('notifications')
@Index('IDX_notifications_user_read', ['userId', 'readAt'])
export class Notification {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  userId: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: Relation<User>;

  @Column({ type: 'varchar', length: 40 })
  kind: string;

  @Column({ type: 'simple-json', nullable: true })
  params: Record<string, string | number> | null;

  @Column({ type: 'varchar', length: 200 })
  link: string;

  @Column({ type: Date, nullable: true })
  readAt: Date | null;

  @CreateDateColumn()
  createdAt: Date;
}
