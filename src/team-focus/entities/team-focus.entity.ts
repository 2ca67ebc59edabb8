import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';

/**
 * A team's focus for one ISO week: the criterion the team works on, as its lead confirmed or
 * changed the suggestion (the criterion failed most in the week's worst chats). One per team and
 * week; every change is audited.
 */
@Entity('team_focus')
@Unique('UQ_team_focus_team_week', ['teamId', 'week'])
export class TeamFocus {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  teamId: number;

  /** ISO week, e.g. 2026-W41. */
  @Column({ type: 'varchar', length: 8 })
  week: string;

  @Column({ type: 'varchar', length: 120 })
  scorecardKey: string;

  @Column({ type: 'varchar', length: 120 })
  criterionKey: string;

  /** What was suggested when the lead set it (null: nothing was). */
  @Column({ type: 'varchar', length: 120, nullable: true })
  suggestedCriterionKey: string | null;

  @Column({ type: 'integer', nullable: true })
  setById: number | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  setByName: string | null;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
