import { advisoryXactLock } from '../database/advisory-lock';
import { transaction } from '../database/transaction';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import * as fs from 'fs';
import * as path from 'path';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { NotFoundError } from '../common/errors';
import type { Actor } from '../common/current-user';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { ScorecardVersion } from './entities/scorecard-version.entity';
import { Scorecard } from './entities/scorecard.entity';
import type { ScorecardDefinition } from './scorecard-definition';
import { readPhraseLibraries } from './phrase-libraries';
import { problemIn, problemOf, type ProblemAt } from '../scorecard-schema/scorecard-problem';
import { ScorecardsRepository, type VersionSummary } from './scorecards.repository';
import { withModelRefs } from './text-model-refs';
import { TextModelsRepository } from './text-models.repository';
import {
  parseScorecardYaml,
  type PhraseLibraries,
  scorecardContentHash,
  ScorecardValidationError,
} from './scorecard-schema';

export type SyncResult =
  | { file: string; key: string; result: 'created' | 'new_version' | 'unchanged'; version: number }
  | ({ file: string; result: 'invalid'; error: string } & ProblemAt);

@Injectable()
export class ScorecardsService implements OnApplicationBootstrap {
  private readonly logger = new Logger(ScorecardsService.name);

  constructor(
    private readonly repository: ScorecardsRepository,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly models: TextModelsRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const r of await this.syncFromFiles(null)) {
      if (r.result === 'invalid') this.logger.error(`Scorecard refused: ${r.error}`);
      else if (r.result !== 'unchanged')
        this.logger.log(`Scorecard ${r.key}: v${r.version} (${r.result})`);
    }
  }

  /**
   * Loads every YAML file of the scorecards folder. A changed file becomes a new version; an
   * invalid one is refused with file, path and reason, and its previous version stays active.
   */
  async syncFromFiles(actor: Actor | null): Promise<SyncResult[]> {
    const dir = this.config.scorecardsDir;
    if (!fs.existsSync(dir)) return [];
    const files = fs
      .readdirSync(dir)
      .filter((f) => /\.ya?ml$/i.test(f))
      .sort();
    const results: SyncResult[] = [];
    // A broken library is reported once; the scorecards that name it are then refused too, and
    // their previous versions stay active.
    let libraries: PhraseLibraries = {};
    try {
      libraries = readPhraseLibraries(dir);
    } catch (e) {
      if (!(e instanceof ScorecardValidationError)) throw e;
      results.push({ file: e.file, result: 'invalid', error: e.message, ...problemOf(e) });
    }
    const seenKeys = new Map<string, string>();
    for (const name of files) {
      const file = path.join(path.basename(dir), name);
      let definition: ScorecardDefinition;
      try {
        const text = fs.readFileSync(path.join(dir, name), 'utf8');
        definition = parseScorecardYaml(text, file, libraries);
        const other = seenKeys.get(definition.key);
        if (other) {
          throw problemIn(file, 'key', 'keyInOtherFile', { key: definition.key, other });
        }
        seenKeys.set(definition.key, file);
      } catch (e) {
        if (!(e instanceof ScorecardValidationError)) throw e;
        results.push({ file, result: 'invalid', error: e.message, ...problemOf(e) });
        continue;
      }
      results.push({ file, ...(await this.saveVersion(definition, file, actor)) });
    }
    return results;
  }

  /** Stores the definition as a new version unless the newest version has the same content. */
  async saveVersion(
    definition: ScorecardDefinition,
    sourceFile: string,
    actor: Actor | null,
  ): Promise<{ key: string; result: 'created' | 'new_version' | 'unchanged'; version: number }> {
    // The hash is of the whole definition (the models' weights are content); the version stores
    // each model as a reference to the model store (text-model-refs.ts).
    const hash = scorecardContentHash(definition);
    const stored = withModelRefs(definition);
    return transaction(this.dataSource, async (manager) => {
      // Instances syncing the same files at once take turns: the second finds it unchanged.
      await advisoryXactLock(manager, `scorecard:${definition.key}`);
      let scorecard = await this.repository.byKey(definition.key, manager);
      const current = scorecard?.currentVersionId
        ? await this.repository.versionById(scorecard.currentVersionId, manager)
        : null;
      if (current && current.contentHash === hash) {
        return { key: definition.key, result: 'unchanged' as const, version: current.version };
      }
      const created = !scorecard;
      scorecard ??= await this.repository.insertScorecard(manager, {
        key: definition.key,
        name: definition.name,
      });
      await this.models.insertMissing(manager, stored.models);
      const version = await this.repository.insertVersion(manager, {
        scorecardId: scorecard.id,
        version: (current?.version ?? 0) + 1,
        definition: stored.definition,
        contentHash: hash,
        sourceFile,
        publishedById: actor?.id ?? null,
        publishedByName: publisherName(actor),
      });
      await this.repository.setCurrent(manager, scorecard.id, version.id, definition.name);
      await this.audit.record(manager, actor, {
        action: created ? 'scorecard.created' : 'scorecard.version_added',
        entityType: 'scorecard',
        entityId: definition.key,
        before: current ? { version: current.version, contentHash: current.contentHash } : null,
        after: { version: version.version, contentHash: hash, sourceFile },
      });
      return {
        key: definition.key,
        result: created ? ('created' as const) : ('new_version' as const),
        version: version.version,
      };
    });
  }

  /** Every scorecard with its current version: two queries, whatever the number of scorecards. */
  async list(): Promise<(Scorecard & { currentVersion: ScorecardVersion | null })[]> {
    const scorecards = await this.repository.all();
    const ids = scorecards.map((s) => s.currentVersionId).filter((id): id is number => id !== null);
    const versions = await this.repository.versionsByIds(ids);
    const byId = new Map(versions.map((v) => [v.id, v]));
    return scorecards.map((s) => ({
      ...s,
      currentVersion: (s.currentVersionId !== null && byId.get(s.currentVersionId)) || null,
    }));
  }

  /**
   * Every scorecard with every version, newest first, and who published each (stored with the
   * version: the person who synced or published, or "system" for a start-up load).
   */
  async history(): Promise<
    {
      key: string;
      name: string;
      versions: (VersionSummary & { current: boolean; publishedBy: string | null })[];
    }[]
  > {
    const scorecards = await this.repository.all();
    const versions = await this.repository.versionSummaries();
    return scorecards.map((s) => ({
      key: s.key,
      name: s.name,
      versions: versions
        .filter((v) => v.scorecardId === s.id)
        .map((v) => ({
          ...v,
          current: v.id === s.currentVersionId,
          publishedBy: v.publishedByName,
        })),
    }));
  }

  async current(key: string): Promise<ScorecardVersion> {
    const scorecard = await this.repository.byKey(key);
    if (!scorecard?.currentVersionId) throw new NotFoundError('scorecard', key);
    const version = await this.repository.versionById(scorecard.currentVersionId);
    if (!version) throw new NotFoundError('scorecard', key);
    return version;
  }

  async version(key: string, version: number): Promise<ScorecardVersion> {
    const scorecard = await this.repository.byKey(key);
    const found = scorecard && (await this.repository.versionOf(scorecard.id, version));
    if (!found) throw new NotFoundError('scorecard version', `${key} v${version}`);
    return found;
  }

  async versionsOf(key: string): Promise<VersionSummary[]> {
    const scorecard = await this.repository.byKey(key);
    if (!scorecard) throw new NotFoundError('scorecard', key);
    return this.repository.versionSummaries(scorecard.id);
  }

  /** The definitions of these versions (those that exist), by version id. */
  async definitionsOf(ids: number[]): Promise<Map<number, ScorecardVersion['definition']>> {
    const versions = await this.repository.definitionsByIds([...new Set(ids)]);
    return new Map(versions.map((v) => [v.id, v.definition]));
  }

  async byId(id: number): Promise<ScorecardVersion> {
    const version = await this.repository.versionWithScorecard(id);
    if (!version) throw new NotFoundError('scorecard version', id);
    return version;
  }
}

/** The publisher as the audit log names them: `name <email>`, or `system` for a start-up load. */
function publisherName(actor: Actor | null): string {
  return actor ? `${actor.name} <${actor.email}>` : 'system';
}
