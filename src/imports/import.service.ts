import { transaction } from '../database/transaction';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { MessageKey } from '../common/errors';
import { AgentsService } from '../agents/agents.service';
import { AutoQaService } from '../autoqa/autoqa.service';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { plainTextProblem, refusedCharacter } from '../common/plain-text';
import type { Interaction } from '../interactions/entities/interaction.entity';
import { InteractionsRepository } from '../interactions/interactions.repository';
import { detectLanguage } from '../transcripts/detect-language';
import { parseTranscripts, TranscriptFormat } from '../transcripts/parse-transcript';
import {
  ParsedTranscript,
  Speaker,
  reasonKey,
  TranscriptMeta,
  TranscriptParseError,
} from '../transcripts/transcript';
import { parseSidecarJson } from '../transcripts/native-json.parser';
import type { SpeakerGuess } from '../transcripts/speaker-roles';
import { toImportBatch, type UploadedFileLike } from './upload-batch';
import { applyFieldMapping, FieldMappingError, type FieldMapping } from './source-fields';
import { standardFields } from './standard-fields';
import { RedactionFindingsRepository } from '../privacy/redaction-findings.repository';
import { redactForImport } from '../redaction/redact-import';
import { AbuseService } from '../abuse/abuse.service';
import { AnalyticsService } from '../analytics/analytics.service';

export interface ImportFile {
  name: string;
  bytes: Buffer;
  /** Meta from a `<file>.meta.json` sidecar, already read by the caller. */
  sidecar?: Buffer;
  /** Why the file fails unread (a file in a zip over MAX_UPLOAD_MB, not unpacked). */
  refused?: { reason: string; messageKey: MessageKey };
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
  /** Source paths → KPI metadata keys, beyond the standard names (see source-fields.ts). */
  mapping?: FieldMapping;
}

export type ImportOutcome =
  | {
      file: string;
      status: 'imported';
      interactionId: number;
      externalId: string;
      turns: number;
      /** Set when the agent was told from the customer by a guess: for the user to check. */
      speakerGuess?: SpeakerGuess;
    }
  | {
      file: string;
      status: 'skipped';
      interactionId: number;
      externalId: string;
      reason: string;
      /** `reason` in the locale files, for pages in the reader's language. */
      messageKey?: MessageKey;
    }
  | {
      file: string;
      status: 'failed';
      reason: string;
      line?: number;
      field?: string;
      messageKey?: MessageKey;
    };

export const DEFAULT_SOURCE = 'import';

@Injectable()
export class ImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly agents: AgentsService,
    private readonly interactions: InteractionsRepository,
    private readonly autoQa: AutoQaService,
    private readonly redactionFindings: RedactionFindingsRepository,
    private readonly abuse: AbuseService,
    private readonly analytics: AnalyticsService,
  ) {}

  /**
   * Uploaded files as import files: zips unpacked in a worker thread, the whole request within
   * MAX_IMPORT_FILES / MAX_UNPACKED_MB (else a 413 and nothing imported), each file inside a zip
   * unpacked to at most MAX_UPLOAD_MB (a larger one fails alone, not unpacked further).
   */
  readUploads(files: UploadedFileLike[] | undefined): Promise<ImportFile[]> {
    return toImportBatch(files, {
      ...this.config.importLimits,
      fileBytes: this.config.maxUploadBytes,
    });
  }

  /** Imports each file on its own: a bad file fails alone and the others still import. */
  async importFiles(files: ImportFile[], options: ImportOptions = {}): Promise<ImportOutcome[]> {
    const outcomes: ImportOutcome[] = [];
    for (const file of files) outcomes.push(...(await this.importFile(file, options)));
    return outcomes;
  }

  /** One outcome per interaction in the file (research data sets hold many dialogues). */
  async importFile(file: ImportFile, options: ImportOptions = {}): Promise<ImportOutcome[]> {
    let transcripts: ParsedTranscript[];
    try {
      transcripts = this.prepare(file, options);
    } catch (e) {
      if (e instanceof TranscriptParseError) {
        return [
          {
            file: file.name,
            status: 'failed',
            reason: e.reason,
            line: e.line,
            field: e.field,
            messageKey: e.messageKey,
          },
        ];
      }
      throw e;
    }
    return this.storeAll(file.name, transcripts);
  }

  /** Parses the file and settles every meta field: file > sidecar > options > defaults. */
  prepare(file: ImportFile, options: ImportOptions): ParsedTranscript[] {
    if (file.refused) {
      const { reason, messageKey } = file.refused;
      throw new TranscriptParseError(file.name, reason, undefined, undefined, messageKey);
    }
    const dialogues = parseTranscripts(file.name, file.bytes, {
      format: options.format,
      speakerMap: options.speakerMap,
      maxBytes: this.config.maxUploadBytes,
    });
    if (options.externalId && dialogues.length > 1) {
      throw new TranscriptParseError(
        file.name,
        `the file holds ${dialogues.length} dialogues, so one call id cannot be given for it`,
        undefined,
        undefined,
        reasonKey('callIdManyDialogues', { count: dialogues.length }),
      );
    }
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
    // The mapping reads the file's own JSON too (one dialogue per file: paths are the call's).
    const document =
      options.mapping && dialogues.length === 1 ? jsonDocument(file.bytes) : undefined;
    return dialogues.map((parsed, i) => {
      const meta = { ...defined(fromOptions), ...defined(sidecar), ...defined(parsed.meta) };
      // A sidecar's metadata (e.g. a contact record) joins what the file itself carries.
      const merged =
        sidecar.metadata && parsed.meta.metadata
          ? { ...sidecar.metadata, ...parsed.meta.metadata }
          : meta.metadata;
      const metadata = mapFields(file.name, merged, document, options.mapping);
      const settled = {
        ...meta,
        ...(metadata === undefined ? {} : { metadata }),
        externalId: meta.externalId ?? baseName(file.name),
        source: meta.source ?? DEFAULT_SOURCE,
        channel: meta.channel ?? 'voice',
        language: meta.language ?? detectLanguage(parsed.turns),
      };
      checkIdsAndNames(file.name, settled, dialogues.length > 1 ? i + 1 : undefined);
      return { turns: parsed.turns, meta: settled };
    });
  }

  async store(fileName: string, transcript: ParsedTranscript): Promise<ImportOutcome> {
    return (await this.storeAll(fileName, [transcript]))[0];
  }

  /**
   * One transaction per file: all its interactions and their turns land, or nothing does.
   * Interactions already there (same source and external id) are skipped and left unchanged.
   */
  async storeAll(
    fileName: string,
    transcripts: ParsedTranscript[],
    retried = false,
  ): Promise<ImportOutcome[]> {
    try {
      const outcomes = await transaction(this.dataSource, async (manager) => {
        const results: ImportOutcome[] = [];
        for (const transcript of transcripts) {
          const { source, externalId } = transcript.meta as { source: string; externalId: string };
          const existing = await this.interactions.idOf(source, externalId, manager);
          if (existing !== null) {
            results.push(skipped(fileName, existing, source, externalId));
            continue;
          }
          const interactionId = await this.insert(manager, transcript);
          const turns = transcript.turns.length;
          const guess = transcript.meta.metadata?.speakerGuess as SpeakerGuess | undefined;
          results.push({
            file: fileName,
            status: 'imported',
            interactionId,
            externalId,
            turns,
            ...(guess ? { speakerGuess: guess } : {}),
          });
        }
        // Their scoring jobs, written with the calls (pg-boss): scored in the background by
        // the workers; the import does not wait for it.
        const imported = results.flatMap((r) => (r.status === 'imported' ? [r.interactionId] : []));
        await this.autoQa.enqueue(manager, imported);
        // The KPI roll-up counts a call from its import, scored or not: with auto-QA on, the
        // auto evaluation's refresh counts it (one refresh per call, not two).
        if (!this.config.autoQa) await this.analytics.callsAdded(manager, imported);
        return results;
      });
      return outcomes;
    } catch (e) {
      // Two imports of the same call racing: the loser retries and finds the winner's rows.
      if (!retried && e instanceof QueryFailedError && /unique|duplicate/i.test(e.message)) {
        return this.storeAll(fileName, transcripts, true);
      }
      throw e;
    }
  }

  /**
   * Calls another feature committed through `insert` (a mystery-shop file with transcripts):
   * pre-scored in the background after the commit (a sweep sends their jobs).
   */
  committedElsewhere(): Promise<void> {
    return this.autoQa.sweep();
  }

  /** Inserts one interaction and its turns inside the caller's transaction; returns its id. */
  async insert(manager: EntityManager, parsed: ParsedTranscript): Promise<number> {
    // Personal data is masked before anything is written: only the redacted text is stored.
    const { transcript, findings, redacted } = redactForImport(parsed, this.config.redaction);
    const { meta, turns } = transcript;
    const agent = meta.agentExternalId
      ? await this.agents.findOrCreate(manager, {
          externalId: meta.agentExternalId,
          name: meta.agentName,
          teamName: meta.teamName,
        })
      : null;
    const interactionId = await this.interactions.insertWithTurns(
      manager,
      {
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
        redactedAt: redacted ? new Date() : null,
      } as QueryDeepPartialEntity<Interaction>,
      turns,
    );
    await this.redactionFindings.insert(manager, interactionId, findings);
    // An abusive caller is flagged on the stored (redacted) turns; the team lead hears of it.
    await this.abuse.recordAtImport(manager, {
      interactionId,
      externalId: meta.externalId as string,
      language: meta.language ?? 'ko',
      agentId: agent?.id ?? null,
      agentName: agent?.name ?? meta.agentName ?? null,
      turns,
    });
    return interactionId;
  }
}

/** The ids and names the import stores must be plain text (see common/plain-text.ts). */
const ID_AND_NAME_FIELDS = [
  'externalId',
  'source',
  'agentExternalId',
  'agentName',
  'teamName',
  'queue',
] as const;

function checkIdsAndNames(file: string, meta: TranscriptMeta, dialogue?: number): void {
  for (const field of ID_AND_NAME_FIELDS) {
    const value = meta[field];
    const problem = typeof value === 'string' ? plainTextProblem(value) : null;
    const found = typeof value === 'string' ? refusedCharacter(value) : null;
    if (problem && found) {
      const where = dialogue === undefined ? '' : ` (dialogue ${dialogue})`;
      const params = { field, code: found.code, position: found.position };
      const key =
        dialogue === undefined
          ? reasonKey('notPlainText', params)
          : reasonKey('notPlainTextInDialogue', { ...params, dialogue });
      throw new TranscriptParseError(file, `${field}${where} ${problem}`, undefined, field, key);
    }
  }
}

function skipped(file: string, interactionId: number, source: string, externalId: string) {
  return {
    file,
    status: 'skipped' as const,
    interactionId,
    externalId,
    reason: `already imported as interaction ${interactionId} (source "${source}", external id "${externalId}"); nothing was changed`,
    messageKey: {
      key: 'import.reason.alreadyImported',
      params: { interactionId: String(interactionId), source, externalId },
    },
  };
}

/** The standard source names, then the mapping file's, as KPI metadata keys. */
function mapFields(
  file: string,
  metadata: Record<string, unknown> | undefined,
  document: unknown,
  mapping: FieldMapping | undefined,
): Record<string, unknown> | undefined {
  const standard = standardFields(metadata);
  if (!mapping) return standard;
  try {
    return applyFieldMapping(mapping, { document, metadata: standard });
  } catch (e) {
    if (!(e instanceof FieldMappingError)) throw e;
    throw new TranscriptParseError(
      file,
      `mapping ${e.file}: ${e.reason}`,
      undefined,
      e.key,
      reasonKey('mappingFailed', { mapping: e.file, key: e.key }),
    );
  }
}

/** The file as JSON, when it is JSON (else undefined: its paths are read in the metadata). */
function jsonDocument(bytes: Buffer): unknown {
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  if (!/^\s*[{[]/.test(text)) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function defined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function baseName(file: string): string {
  const name = file.split(/[\\/]/).pop() ?? file;
  return name.replace(/\.[^.]+$/, '');
}
