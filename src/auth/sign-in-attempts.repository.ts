import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, LessThan, LessThanOrEqual, MoreThan, Repository } from 'typeorm';
import { SignInAttempt } from './entities/sign-in-attempt.entity';

/** The `sign_in_attempts` table. Each statement commits on its own (no surrounding transaction). */
@Injectable()
export class SignInAttemptsRepository {
  private readonly attempts: Repository<SignInAttempt>;

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.attempts = dataSource.getRepository(SignInAttempt);
  }

  /** INSERT INTO sign_in_attempts (key, at) VALUES (:key, :at); the new row's id. */
  async add(key: string, at: Date): Promise<number> {
    const result = await this.attempts.insert({ key, at });
    return Number(result.identifiers[0].id);
  }

  /** SELECT id, at FROM sign_in_attempts WHERE key = :key AND at > :since ORDER BY at */
  since(key: string, since: Date): Promise<Pick<SignInAttempt, 'id' | 'at'>[]> {
    return this.attempts.find({
      select: { id: true, at: true },
      where: { key, at: MoreThan(since) },
      order: { at: 'ASC', id: 'ASC' },
    });
  }

  /** DELETE FROM sign_in_attempts WHERE id IN (:ids) */
  async remove(ids: number[]): Promise<void> {
    if (ids.length > 0) await this.attempts.delete({ id: In(ids) });
  }

  /** DELETE FROM sign_in_attempts WHERE key = :key AND id <= :upTo */
  async removeKeyUpTo(key: string, upTo: number): Promise<void> {
    await this.attempts.delete({ key, id: LessThanOrEqual(upTo) });
  }

  /** DELETE FROM sign_in_attempts WHERE at < :before */
  async removeOlderThan(before: Date): Promise<void> {
    await this.attempts.delete({ at: LessThan(before) });
  }
}
