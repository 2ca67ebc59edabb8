import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A signed-in browser (or API client that used POST /api/auth/login). The cookie carries a
 * random token; only its SHA-256 is stored, so a leaked database holds no usable session.
 */
@Entity('sessions')
export class Session {
  /** SHA-256 (hex) of the cookie token. */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id: string;

  @Index('IDX_sessions_user')
  @Column({ type: 'integer' })
  userId: number;

  /** Sent back in every form (`_csrf`) or the X-CSRF-Token header. */
  @Column({ type: 'varchar', length: 64 })
  csrfToken: string;

  @CreateDateColumn()
  createdAt: Date;

  @Column({ type: Date })
  lastSeenAt: Date;

  @Column({ type: Date })
  expiresAt: Date;

  @Column({ type: 'varchar', length: 100, nullable: true })
  ip: string | null;
}
