import { transaction } from '../database/transaction';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AgentsService } from '../agents/agents.service';
import { AutoQaService } from '../autoqa/autoqa.service';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Interaction } from '../interactions/entities/interaction.entity';
import { Turn } from '../interactions/entities/turn.entity';
import { detectLanguage } from '../transcripts/detect-language';
import { parseTranscript, TranscriptFormat } from '../transcripts/parse-transcript';
import {
  ParsedTranscript,
  Speaker,
  TranscriptMeta,
  TranscriptParseError,
} from '../transcripts/transcript';
import { parseSidecarJson } from '../transcripts/native-json.parser';

export interface ImportFile {
  name: string;
  bytes: Buffer;
  /** Meta from a `<file>.meta.json` sidecar, already read by the caller. */
  sidecar?: Buffer;
}

/** What the user said about the batch; the sidecar and the file itself win over these. */
export interface ImportOptions {
  agentExternalId?: string;
  externalId?: string;
  source?: string;
  channel?: 'voice' | 'chat';
  language?: string;
  format?: TranscriptFormat;
  speakerMap?: Record<string, Speaker>;
}

export type ImportOutcome =
  | { file: string; status: 'imported'; interactionId: number; externalId: string; turns: number }
  | { file: string; status: 'skipped'; interactionId: number; externalId: string; reason: string }
  | { file: string; status: 'failed'; reason: string; line?: number; field?: string };

export const DEFAULT_SOURCE = 'import';
const TURN_CHUNK = 500;

@Injectable()
export class ImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly agents: AgentsService,
    private readonly autoQa: AutoQaService,
  ) {}

  /** Imports each file on its own: a bad file fails alone and the others still import. */
  async importFiles(files: ImportFile[], options: ImportOptions = {}): Promise<ImportOutcome[]> {
    const outcomes: ImportOutcome[] = [];
    for (const file of files) outcomes.push(await this.importFile(file, options));
    return outcomes;
  }

  async importFile(file: ImportFile, options: ImportOptions = {}): Promise<ImportOutcome> {
    let transcript: ParsedTranscript;
    try {
      transcript = this.prepare(file, options);
    } catch (e) {
      if (e instanceof TranscriptParseError) {
        return {
          file: file.name,
          status: 'failed',
          reason: e.reason,
          line: e.line,
          field: e.field,
        };
      }
      throw e;
    }
    return this.store(file.name, transcript);
  }

  /** Parses the file and settles every meta field: file > sidecar > options > defaults. */
  prepare(file: ImportFile, options: ImportOptions): ParsedTranscript {
    const parsed = parseTranscript(file.name, file.bytes, {
      format: options.format,
      speakerMap: options.speakerMap,
      maxBytes: this.config.maxUploadBytes,
    });
    const sidecar = file.sidecar
      ? parseSidecarJson(`${file.name}.meta.json`, file.sidecar.toString('utf8'))
      : {};
    const fromOptions: TranscriptMeta = {
      externalId: options.externalId,
      source: options.source,
      channel: options.channel,
      language: options.language,
      agentExternalId: options.agentExternalId,
    };
    const meta = { ...defined(fromOptions), ...defined(sidecar), ...defined(parsed.meta) };
    return {
      turns: parsed.turns,
      meta: {
        ...meta,
        externalId: meta.externalId ?? baseName(file.name),
        source: meta.source ?? DEFAULT_SOURCE,
        channel: meta.channel ?? 'voice',
        language: meta.language ?? detectLanguage(parsed.turns),
      },
    };
  }

  /** One transaction per interaction: the interaction and all its turns land, or nothing does. */
  async store(fileName: string, transcript: ParsedTranscript): Promise<ImportOutcome> {
    const { meta, turns } = transcript;
    const externalId = meta.externalId as string;
    const source = meta.source as string;
    try {
      const outcome = await transaction(this.dataSource, async (manager) => {
        const existing = await manager.findOne(Interaction, {
          where: { source, externalId },
          select: { id: true },
        });
        if (existing) return skipped(fileName, existing.id, source, externalId);
        const interactionId = await this.insert(manager, transcript);
        return {
          file: fileName,
          status: 'imported',
          interactionId,
          externalId,
          turns: turns.length,
        } as const;
      });
      // Pre-scoring runs after the commit, in the background: the import does not wait for it.
      if (outcome.status === 'imported') this.autoQa.schedule();
      return outcome;
    } catch (e) {
      // Two imports of the same call racing: the loser finds the winner's row.
      if (e instanceof QueryFailedError && /unique|duplicate/i.test(e.message)) {
        const winner = await this.dataSource
          .getRepository(Interaction)
          .findOne({ where: { source, externalId }, select: { id: true } });
        if (winner) return skipped(fileName, winner.id, source, externalId);
      }
      throw e;
    }
  }

  private async insert(manager: EntityManager, { meta, turns }: ParsedTranscript): Promise<number> {
    const agent = meta.agentExternalId
      ? await this.agents.findOrCreate(manager, {
          externalId: meta.agentExternalId,
          name: meta.agentName,
          teamName: meta.teamName,
        })
      : null;
    const insert = manager
      .createQueryBuilder()
      .insert()
      .into(Interaction)
      .values({
        source: meta.source,
        externalId: meta.externalId,
        channel: meta.channel,
        language: meta.language,
        agentId: agent?.id ?? null,
        startedAt: meta.startedAt ? new Date(meta.startedAt) : new Date(),
        durationMs: turns.reduce((max, t) => Math.max(max, t.endMs), 0),
        queue: meta.queue ?? null,
        metadata: meta.metadata ?? null,
        notes: meta.notes ?? null,
        recordingUrl: meta.recordingUrl ?? null,
        turnCount: turns.length,
      } as QueryDeepPartialEntity<Interaction>)
      .updateEntity(false);
    // Only the id is needed: skip TypeORM's re-read of the generated columns.
    if (manager.connection.options.type === 'postgres') insert.returning('id');
    const interactionId = insertedId((await insert.execute()).raw);
    for (let i = 0; i < turns.length; i += TURN_CHUNK) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(Turn)
        .values(
          turns.slice(i, i + TURN_CHUNK).map((t, j) => ({
            interactionId,
            seq: i + j,
            speaker: t.speaker,
            startMs: t.startMs,
            endMs: t.endMs,
            text: t.text,
          })),
        )
        .updateEntity(false)
        .execute();
    }
    return interactionId;
  }
}

function skipped(file: string, interactionId: number, source: string, externalId: string) {
  return {
    file,
    status: 'skipped' as const,
    interactionId,
    externalId,
    reason: `already imported as interaction ${interactionId} (source "${source}", external id "${externalId}"); nothing was changed`,
  };
}

function defined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function baseName(file: string): string {
  const name = file.split(/[\\/]/).pop() ?? file;
  return name.replace(/\.[^.]+$/, '');
}

/** PostgreSQL answers RETURNING rows; SQLite's driver answers the last inserted row id. */
function insertedId(raw: unknown): number {
  const id: unknown = Array.isArray(raw) ? (raw[0] as { id?: unknown } | undefined)?.id : raw;
  if (typeof id !== 'number' || !Number.isInteger(id)) {
    throw new Error('the database did not report the id of the new interaction');
  }
  return id;
}
