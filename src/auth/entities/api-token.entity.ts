import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A personal API token for integrations (`Authorization: Bearer qa_…`); stored hashed. */
@Entity('api_tokens')
export class ApiToken {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('IDX_api_tokens_user')
  @Column({ type: 'integer' })
  userId: number;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  /** The first characters of the token, shown in the list so a user can tell tokens apart. */
  @Column({ type: 'varchar', length: 16 })
  prefix: string;

  /** SHA-256 (hex) of the whole token: tokens are 32 random bytes, so no slow hash is needed. */
  @Index('IDX_api_tokens_hash', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  hash: string;

  @CreateDateColumn()
  createdAt: Date;

  @Column({ type: Date, nullable: true })
  lastUsedAt: Date | null;

  @Column({ type: Date, nullable: true })
  revokedAt: Date | null;
}
