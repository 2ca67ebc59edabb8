import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One sign-in attempt, counted against its account and its client address (one row each),
 * written before the password is checked. A wrong password leaves the row as a failure;
 * a refused attempt and a success remove theirs. Rows older than the window are deleted.
 */
@Entity('sign_in_attempts')
@Index('IDX_sign_in_attempts_key', ['key', 'at'])
export class SignInAttempt {
  @PrimaryGeneratedColumn()
  id: number;

  /** `account:<e-mail>` or `address:<client address>`. */
  @Column({ type: 'varchar', length: 220 })
  key: string;

  @Index('IDX_sign_in_attempts_at')
  @Column({ type: Date })
  at: Date;
}
