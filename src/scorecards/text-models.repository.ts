import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { TextModelRecord } from './entities/text-model.entity';
import type { StoredTextModel } from './text-model-refs';

/** The one owner of `text_models` (the model store): reads and writes, no rules. */
@Injectable()
export class TextModelsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Stores the models the store does not have yet (content-addressed: a known hash is the same model). */
  async insertMissing(manager: EntityManager, models: StoredTextModel[]): Promise<void> {
    if (models.length === 0) return;
    const known = new Set(
      (
        await manager.find(TextModelRecord, {
          select: { hash: true },
          where: { hash: In(models.map((m) => m.hash)) },
        })
      ).map((r) => r.hash),
    );
    // By hash: a scorecard naming the same model twice stores it once.
    const missing = new Map(models.filter((m) => !known.has(m.hash)).map((m) => [m.hash, m.data]));
    if (missing.size === 0) return;
    await manager
      .createQueryBuilder()
      .insert()
      .into(TextModelRecord)
      .values([...missing].map(([hash, data]) => ({ hash, data })))
      .orIgnore()
      .execute();
  }

  byHashes(hashes: string[]): Promise<TextModelRecord[]> {
    if (hashes.length === 0) return Promise.resolve([]);
    return this.dataSource.manager.findBy(TextModelRecord, { hash: In(hashes) });
  }
}
