import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AgentsService } from '../agents/agents.service';
import { AgentsRepository } from '../agents/agents.repository';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/current-user';
import { InputError } from '../common/errors';
import { transaction } from '../database/transaction';
import { EvaluationEvents } from '../events/evaluation-events';
import { EvaluationWriter } from '../evaluations/evaluation-writer';
import { ImportService } from '../imports/import.service';
import { InteractionsRepository } from '../interactions/interactions.repository';
import type { ScorecardVersion } from '../scorecards/entities/scorecard-version.entity';
import type { ScorecardDefinition } from '../scorecards/scorecard-definition';
import { ScorecardsService } from '../scorecards/scorecards.service';
import { parseTranscript } from '../transcripts/parse-transcript';
import { TranscriptParseError, type ParsedTranscript } from '../transcripts/transcript';
import { MysteryShopFileError } from './sheet-reader';
import { MysteryShopMappingError, parseMapping } from './shop-mapping';
import { validateShops, type ShopResult } from './shop-validation';
import { readRowsOffThread } from './read-rows-off-thread';

export const MYSTERY_SHOP_SOURCE = 'mystery-shop';
const TRANSCRIPT_FILE = /\.(json|vtt|srt|txt)$/i;

export interface MysteryShopUpload {
  file: { name: string; bytes: Buffer };
  mapping?: { name: string; text: string };
  /** Transcript files named by the rows' transcript column, uploaded or read beside the file. */
  transcripts?: Map<string, Buffer>;
}

export interface RowError {
  line: number;
  column: string;
  reason: string;
  /** `reason` in the locale files, for pages in the reader's language. */
  messageKey?: { key: string; params?: Record<string, string> };
}

export interface MysteryShopReport {
  file: string;
  rows: number;
  errors: RowError[];
  /** Shops that a commit creates (or created). */
  create: { line: number; shopId: string; agent: string; scorecard: string; newAgent: boolean }[];
  /** Shops already imported: left unchanged (idempotent on source + shop id). */
  skipped: { line: number; shopId: string; interactionId: number }[];
  committed: boolean;
}

/**
 * Mystery-shopper results: a dry run lists every row's problems and what would be created; a
 * commit, allowed only when the dry run is clean, writes everything in one transaction — a shop
 * as an interaction (with its transcript when given) and a `mystery_shop` evaluation.
 */
@Injectable()
export class MysteryShopService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scorecards: ScorecardsService,
    private readonly agents: AgentsService,
    private readonly imports: ImportService,
    private readonly audit: AuditService,
    private readonly events: EvaluationEvents,
    private readonly writer: EvaluationWriter,
    private readonly interactions: InteractionsRepository,
    private readonly agentRows: AgentsRepository,
  ) {}

  async dryRun(upload: MysteryShopUpload): Promise<MysteryShopReport> {
    return (await this.plan(upload)).report;
  }

  async commit(actor: Actor, upload: MysteryShopUpload): Promise<MysteryShopReport> {
    const { report, shops, versions, transcripts } = await this.plan(upload);
    if (report.errors.length > 0) {
      throw new InputError(
        'file',
        `${report.errors.length} row problem(s) in ${report.file}; fix them (see the dry run) — nothing was imported`,
      );
    }
    const outbox = await transaction(this.dataSource, async (manager) => {
      const ids: number[] = [];
      for (const shop of shops) {
        if (report.skipped.some((s) => s.line === shop.line)) continue;
        const stored = await this.store(
          manager,
          actor,
          shop,
          versions.get(shop.scorecardKey)!,
          transcripts.get(shop.line),
        );
        // The scores count once committed: analytics (and whoever listens) hear of each.
        ids.push(
          await this.events.record(manager, {
            ...stored,
            kind: 'mystery_shop',
            reason: 'mystery_shop',
          }),
        );
      }
      return ids;
    });
    await this.events.deliver(outbox);
    // Calls with a transcript are auto-scored like imported ones (after the commit).
    if (transcripts.size > 0) await this.imports.committedElsewhere();
    return { ...report, committed: true };
  }

  private async plan(upload: MysteryShopUpload) {
    const versions = new Map<string, ScorecardVersion>();
    for (const s of await this.scorecards.list())
      if (s.currentVersion) versions.set(s.key, s.currentVersion);
    const definitions = new Map<string, ScorecardDefinition>(
      [...versions].map(([key, v]) => [key, v.definition]),
    );
    const { table, mapping } = await this.read(upload);
    const { valid, errors } = validateShops(table, mapping, definitions);
    const report: MysteryShopReport = {
      file: upload.file.name,
      rows: table.rows.length,
      errors: [...errors],
      create: [],
      skipped: [],
      committed: false,
    };
    const transcripts = new Map<number, ParsedTranscript>();
    const source = mapping?.source ?? MYSTERY_SHOP_SOURCE;
    const shops: ShopResult[] = [];
    for (const shop of valid) {
      const transcript = this.transcriptOf(shop, upload, report.errors);
      if (transcript === null) continue;
      if (transcript) transcripts.set(shop.line, transcript);
      shops.push(shop);
      const existing = await this.interactions.idOf(source, shop.shopId);
      if (existing !== null) {
        report.skipped.push({ line: shop.line, shopId: shop.shopId, interactionId: existing });
        continue;
      }
      const agent = await this.agentRows.findByExternalId(shop.agentExternalId);
      report.create.push({
        line: shop.line,
        shopId: shop.shopId,
        agent: shop.agentExternalId,
        scorecard: shop.scorecardKey,
        newAgent: agent === null,
      });
    }
    report.errors.sort((a, b) => a.line - b.line);
    return { report, shops: shops.map((s) => ({ ...s, source })), versions, transcripts };
  }

  /** A file or mapping that cannot be read at all is a 400 naming it; row problems are not. */
  private async read(upload: MysteryShopUpload) {
    try {
      const table = await readRowsOffThread(upload.file.name, upload.file.bytes);
      const mapping = upload.mapping
        ? parseMapping(upload.mapping.name, upload.mapping.text)
        : undefined;
      return { table, mapping };
    } catch (e) {
      if (e instanceof MysteryShopFileError) throw new InputError('file', e.message);
      if (e instanceof MysteryShopMappingError) throw new InputError('mapping', e.message);
      throw e;
    }
  }

  /** undefined: no transcript asked for; null: asked for but unusable (an error is recorded). */
  private transcriptOf(shop: ShopResult, upload: MysteryShopUpload, errors: RowError[]) {
    // A recording (".mp3") is only referred to; a transcript file is imported with the shop.
    if (!shop.transcriptFile || !TRANSCRIPT_FILE.test(shop.transcriptFile)) return undefined;
    const bytes = upload.transcripts?.get(shop.transcriptFile);
    if (!bytes) {
      errors.push({
        line: shop.line,
        column: 'transcript',
        reason: `transcript file "${shop.transcriptFile}" was not uploaded with the results`,
        messageKey: {
          key: 'mysteryShop.row.transcriptMissing',
          params: { file: shop.transcriptFile },
        },
      });
      return null;
    }
    try {
      return parseTranscript(shop.transcriptFile, bytes);
    } catch (e) {
      if (!(e instanceof TranscriptParseError)) throw e;
      errors.push({
        line: shop.line,
        column: 'transcript',
        reason: e.message,
        messageKey: unreadableTranscript(e),
      });
      return null;
    }
  }

  private async store(
    manager: EntityManager,
    actor: Actor,
    shop: ShopResult & { source: string },
    version: ScorecardVersion,
    transcript: ParsedTranscript | undefined,
  ): Promise<{ evaluationId: number; interactionId: number }> {
    const agent = await this.agents.findOrCreate(manager, { externalId: shop.agentExternalId });
    const interactionId = await this.imports.insert(manager, {
      turns: transcript?.turns ?? [],
      meta: {
        source: shop.source,
        externalId: shop.shopId,
        channel: shop.channel,
        language: version.definition.language,
        agentExternalId: agent.externalId,
        startedAt: shop.date,
        metadata: {
          mysteryShop: true,
          ...(shop.overallComment ? { overallComment: shop.overallComment } : {}),
          ...(shop.transcriptFile && !transcript ? { recordingFile: shop.transcriptFile } : {}),
        },
      },
    });
    const { id: evaluationId, breakdown } = await this.writer.create(manager, {
      interactionId,
      scorecardVersion: version,
      evaluatorId: actor.id,
      kind: 'mystery_shop',
      status: 'submitted',
      submittedAt: new Date(shop.date),
      answers: shop.answers.map((a) => ({ key: a.key, value: a.value, comment: a.comment })),
    });
    await this.audit.record(manager, actor, {
      action: 'evaluation.mystery_shop_imported',
      entityType: 'evaluation',
      entityId: evaluationId,
      after: { shopId: shop.shopId, line: shop.line, overallScore: breakdown?.overall ?? null },
    });
    return { evaluationId, interactionId };
  }
}

/**
 * A row's transcript that cannot be read: the file (and line) named, the parse error's own
 * reason nested as `reasonKey` with its params, for the page to word in the reader's language.
 */
function unreadableTranscript(e: TranscriptParseError) {
  const file = e.line === undefined ? e.file : `${e.file}:${e.line}`;
  return {
    key: 'mysteryShop.row.transcriptUnreadable',
    params: { ...e.messageKey.params, file, reasonKey: e.messageKey.key },
  };
}
