import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** Owns the one query that reads no table: is the database answering, and which is it. */
@Injectable()
export class DatabasePingRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Resolves when the database answers a trivial query; rejects with the driver's error. */
  async ping(): Promise<void> {
    await this.dataSource.query('SELECT 1');
  }

  /** 'sqlite' or 'postgres'. */
  get type(): string {
    return this.dataSource.options.type;
  }
}
