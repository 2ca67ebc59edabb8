import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import type { ScorecardDefinition } from './scorecard-definition';
import { ScorecardVersion } from './entities/scorecard-version.entity';
import { Scorecard } from './entities/scorecard.entity';

/** A version without its definition (lists and history). */
export type VersionSummary = Pick<
  ScorecardVersion,
  | 'id'
  | 'scorecardId'
  | 'version'
  | 'contentHash'
  | 'sourceFile'
  | 'createdAt'
  | 'publishedById'
  | 'publishedByName'
>;

/** The one owner of `scorecards` and `scorecard_versions`: reads and writes, no rules. */
@Injectable()
export class ScorecardsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  byKey(key: string, manager: EntityManager = this.dataSource.manager): Promise<Scorecard | null> {
    return manager.findOneBy(Scorecard, { key });
  }

  /** Every scorecard, by key. */
  all(): Promise<Scorecard[]> {
    return this.dataSource.manager.find(Scorecard, { order: { key: 'ASC' } });
  }

  versionById(
    id: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ScorecardVersion | null> {
    return manager.findOneBy(ScorecardVersion, { id });
  }

  /** A version with its scorecard loaded. */
  versionWithScorecard(id: number): Promise<ScorecardVersion | null> {
    return this.dataSource.manager.findOne(ScorecardVersion, {
      where: { id },
      relations: { scorecard: true },
    });
  }

  versionsByIds(ids: number[]): Promise<ScorecardVersion[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource.manager.findBy(ScorecardVersion, { id: In(ids) });
  }

  /** Only the definitions of these versions. */
  async definitionsByIds(
    ids: number[],
  ): Promise<{ id: number; definition: ScorecardDefinition }[]> {
    if (ids.length === 0) return [];
    return this.dataSource.manager.find(ScorecardVersion, {
      select: { id: true, definition: true },
      where: { id: In(ids) },
    });
  }

  versionOf(scorecardId: number, version: number): Promise<ScorecardVersion | null> {
    return this.dataSource.manager.findOneBy(ScorecardVersion, { scorecardId, version });
  }

  /** Summaries of the versions of one scorecard, or of all when no id is given; newest first. */
  versionSummaries(scorecardId?: number): Promise<VersionSummary[]> {
    return this.dataSource.manager.find(ScorecardVersion, {
      where: scorecardId === undefined ? {} : { scorecardId },
      order: { version: 'DESC' },
      select: {
        id: true,
        scorecardId: true,
        version: true,
        contentHash: true,
        sourceFile: true,
        createdAt: true,
        publishedById: true,
        publishedByName: true,
      },
    });
  }

  async insertScorecard(
    manager: EntityManager,
    values: Pick<Scorecard, 'key' | 'name'>,
  ): Promise<Scorecard> {
    return manager.save(manager.create(Scorecard, values));
  }

  async insertVersion(
    manager: EntityManager,
    values: Pick<
      ScorecardVersion,
      | 'scorecardId'
      | 'version'
      | 'definition'
      | 'contentHash'
      | 'sourceFile'
      | 'publishedById'
      | 'publishedByName'
    >,
  ): Promise<ScorecardVersion> {
    return manager.save(manager.create(ScorecardVersion, values));
  }

  /** Makes a version the scorecard's current one (and its name the scorecard's). */
  async setCurrent(
    manager: EntityManager,
    scorecardId: number,
    versionId: number,
    name: string,
  ): Promise<void> {
    await manager.update(Scorecard, scorecardId, { currentVersionId: versionId, name });
  }
}
