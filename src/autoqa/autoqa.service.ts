import { Background } from '../events/background';
import { EvaluationEvents } from '../events/evaluation-events';
import { JOB_QUEUE, type JobQueue } from '../events/job-queue';
import { transaction } from '../database/transaction';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import type { Interaction } from '../interactions/entities/interaction.entity';
import type { Turn } from '../interactions/entities/turn.entity';
import type { ScorecardVersion } from '../scorecards/entities/scorecard-version.entity';
import type { ScorecardDefinition } from '../scorecards/scorecard-definition';
import { EvaluationWriter } from '../evaluations/evaluation-writer';
import { EvaluationsRepository } from '../evaluations/evaluations.repository';
import type { PendingCall } from '../interactions/call-work-queries';
import { InteractionsRepository } from '../interactions/interactions.repository';
import { ScorecardsService } from '../scorecards/scorecards.service';
import { TextModelStore } from '../scorecards/text-model-store';
import type { AutoQaResult } from './autoqa.types';
import { agreementFigures, CriterionAgreement, pinnedPasses } from './agreement';
import { AbuseRepository } from '../abuse/abuse.repository';
import type { AbuseFlag } from '../abuse/entities/abuse-flag.entity';
import { runAutoQa } from './engine';
import { autoQaInput } from './input';
import { SuggestedAnswer, toSuggestedAnswers } from './suggestions';

/** The job that scores one call on one scorecard version (key `interactionId:versionId`). */
export const SCORE_QUEUE = 'autoqa.score';
/** The job that finds calls with no auto evaluation and sends their scoring jobs. */
export const SWEEP_QUEUE = 'autoqa.sweep';
/** Compiled scorecard versions kept in memory (each holds its phrase lists and models). */
const KEPT_VERSIONS = 16;
/** Calls a sweep (or an import's enqueue) reads and sends per round. */
const SWEEP_PAGE = 1000;
/** How far back the agreement page looks for overrides to list. */
const LATEST_ANSWERS = 2000;

/**
 * Pre-scores every imported interaction in the background: an `auto` evaluation on the
 * scorecard of its channel and language (voice-ko, chat-en ...). Each call is a job of the
 * JobQueue (`autoqa.score`, keyed by call and scorecard version): pg-boss on PostgreSQL, where
 * any process with workers takes it, retried with backoff and listed on /admin/jobs when it
 * fails; in process on SQLite, in the background once imports pause. An import writes its
 * calls' jobs in its own transaction (on PostgreSQL they exist exactly when the calls do); a
 * sweep (`autoqa.sweep`, sent when a process with workers starts) sends the jobs of calls that
 * have none yet (AUTOQA turned on, a SQLite process restarted). The partial unique index keeps
 * one auto evaluation per call whatever runs twice.
 */
@Injectable()
export class AutoQaService implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger(AutoQaService.name);
  /**
   * Scorecard versions never change once published: the newest few used, by id, each with its
   * text models put back — one definition object per version, so the engine compiles a version
   * once (its phrase lists take up to a second to compile), not on every scoring form.
   */
  private readonly versions = new Map<number, ScorecardVersion>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly interactions: InteractionsRepository,
    private readonly evaluations: EvaluationsRepository,
    private readonly writer: EvaluationWriter,
    private readonly scorecards: ScorecardsService,
    private readonly events: EvaluationEvents,
    private readonly background: Background,
    private readonly abuse: AbuseRepository,
    private readonly models: TextModelStore,
    @Inject(JOB_QUEUE) private readonly jobs: JobQueue,
  ) {}

  onModuleInit(): void {
    this.jobs.define(
      SCORE_QUEUE,
      // Many short jobs: a worker takes ten per fetch, each retried on its own (5, 10, 20 … s);
      // those of a process killed mid-batch are failed after 2 minutes, so tried again.
      {
        policy: 'short',
        retryLimit: 4,
        retryDelay: 5,
        concurrency: 2,
        batchSize: 10,
        expireInSeconds: 120,
        inProcess: 'later',
      },
      (data) => this.scoreOne(Number(data.interactionId), Number(data.scorecardVersionId)),
    );
    this.jobs.define(
      SWEEP_QUEUE,
      { policy: 'short', retryLimit: 3, retryDelay: 30, concurrency: 1, inProcess: 'later' },
      () => this.sendPending(),
    );
  }

  /** A process that runs jobs looks, once started, for calls no job will score. */
  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.autoQa || !this.background.loops) return;
    await this.sweep().catch((e: unknown) => this.logger.error(`auto-QA sweep: ${String(e)}`));
  }

  /**
   * Inside an import's transaction: sends the scoring jobs of these new calls (pg-boss writes
   * them in that transaction). WORKERS=off instances send too: on PostgreSQL the workers take
   * the jobs; in process (SQLite) the queue keeps none there and the worker's start-up sweep
   * finds the calls.
   */
  async enqueue(manager: EntityManager, interactionIds: number[]): Promise<void> {
    if (!this.config.autoQa || interactionIds.length === 0) return;
    const pairs = await this.currentVersions();
    const pending = await this.interactions.withoutAutoEvaluation(manager, [...pairs.keys()], {
      ids: interactionIds,
    });
    await this.send(pending, pairs, manager);
  }

  /** Asks for a sweep (one waits at a time): calls with no auto evaluation get their jobs. */
  async sweep(): Promise<void> {
    if (!this.config.autoQa) return;
    await this.jobs.send(SWEEP_QUEUE, {}, { key: 'sweep' });
  }

  /**
   * Resolves when no scoring is left (tests, the CLI, benchmarks) and, where jobs run here, the
   * jobs it caused (the roll-up's refreshes). A command-line process on PostgreSQL runs no
   * workers: it scores the calls still pending itself (the jobs it sent then find them scored).
   */
  async drain(): Promise<void> {
    if (this.jobs.engine === 'pg-boss' && !this.background.loops) {
      if (!this.config.autoQa || this.background.webOnly) return;
      const pairs = await this.currentVersions();
      for (let after = 0; ;) {
        const page = await this.interactions.withoutAutoEvaluation(
          this.dataSource.manager,
          [...pairs.keys()],
          {
            after,
            limit: SWEEP_PAGE,
          },
        );
        if (page.length === 0) return;
        for (const call of page) await this.scoreOne(call.id, pairs.get(call.pair)!.id);
        after = page[page.length - 1].id;
      }
    }
    // No deadline: a large import scores for minutes (10,000 calls at ~150 calls/s); a job that
    // keeps failing ends in the failed list, so this returns.
    await this.jobs.settled(undefined, Number.POSITIVE_INFINITY);
  }

  /**
   * Suggestions for one interaction, computed now (scoring form): on a published version (by id,
   * compiled once) or on a draft definition (the designer's trial).
   */
  async suggest(
    interaction: Interaction & { abuse?: AbuseFlag | null },
    turns: Turn[],
    scorecard: { id: number } | ScorecardDefinition,
  ): Promise<SuggestedAnswer[]> {
    const whole =
      'id' in scorecard
        ? (await this.version(scorecard.id)).definition
        : await this.models.withData(scorecard);
    return toSuggestedAnswers(
      whole,
      this.run(interaction, turns, whole, interaction.abuse ?? null),
    );
  }

  /**
   * Per criterion: accuracy, coverage and accuracy when sure, and the latest answers where an
   * evaluator overrode the machine (from the newest 2,000 answers beside a suggestion).
   */
  async agreement(key: string): Promise<CriterionAgreement[]> {
    const version = await this.scorecards.current(key);
    const [rows, latest] = await Promise.all([
      this.evaluations.suggestionAgreement(version.scorecardId),
      this.evaluations.latestAnswersBesideSuggestions(version.scorecardId, LATEST_ANSWERS),
    ]);
    return agreementFigures(
      version.definition.sections.flatMap((s) => s.criteria),
      rows,
      latest,
    );
  }

  /**
   * The scorecard's current definition and the turns evaluators pinned when they overrode a
   * fail with a pass (from the newest 20,000 answers beside a suggestion).
   */
  async pinnedPasses(key: string) {
    const version = await this.scorecards.current(key);
    const latest = await this.evaluations.latestAnswersBesideSuggestions(
      version.scorecardId,
      20_000,
    );
    const criteria = version.definition.sections.flatMap((s) => s.criteria);
    const definition = await this.models.withData(version.definition);
    return { definition, pinned: pinnedPasses(criteria, latest) };
  }

  /** The sweep: every call with no auto evaluation gets its job (a key waiting is skipped). */
  private async sendPending(): Promise<void> {
    const pairs = await this.currentVersions();
    for (let after = 0; ;) {
      const page = await this.interactions.withoutAutoEvaluation(
        this.dataSource.manager,
        [...pairs.keys()],
        {
          after,
          limit: SWEEP_PAGE,
        },
      );
      if (page.length === 0) return;
      await this.send(page, pairs);
      after = page[page.length - 1].id;
    }
  }

  private send(
    calls: PendingCall[],
    pairs: Map<string, ScorecardVersion>,
    manager?: EntityManager,
  ): Promise<void> {
    const jobs = calls.map((call) => {
      const version = pairs.get(call.pair)!;
      return {
        data: { interactionId: call.id, scorecardVersionId: version.id },
        key: `${call.id}:${version.id}`,
      };
    });
    return this.jobs.sendMany(SCORE_QUEUE, jobs, { manager });
  }

  /** The current version of each scorecard with auto criteria, by the pair it serves. */
  private async currentVersions(): Promise<Map<string, ScorecardVersion>> {
    const versions = new Map<string, ScorecardVersion>();
    for (const s of await this.scorecards.list()) {
      const v = s.currentVersion;
      if (!v || !v.definition.sections.some((sec) => sec.criteria.some((c) => c.auto))) continue;
      const pair = `${v.definition.channel}-${v.definition.language}`;
      // The scorecard named after the pair wins (voice-ko), else the first found.
      if (!versions.has(pair) || s.key === pair) versions.set(pair, v);
    }
    return versions;
  }

  /** A published version with its text models' data, kept by id (the newest few). */
  private async version(id: number): Promise<ScorecardVersion> {
    const known = this.versions.get(id);
    if (known !== undefined) {
      this.versions.delete(id); // most recently used last
      this.versions.set(id, known);
      return known;
    }
    const stored = await this.scorecards.byId(id);
    const version = Object.assign(stored, {
      definition: await this.models.withData(stored.definition),
    });
    this.versions.set(id, version);
    if (this.versions.size > KEPT_VERSIONS) {
      this.versions.delete(this.versions.keys().next().value!);
    }
    return version;
  }

  /**
   * One job: scores the call on the version and stores the auto evaluation with its outbox row
   * in one transaction, then delivers the row. A call already scored (by another job, another
   * process) or gone (its transcript deleted, the import rolled back) is left as it is.
   */
  private async scoreOne(interactionId: number, versionId: number): Promise<void> {
    if (!this.config.autoQa) return;
    const scored = await this.version(versionId);
    const outbox = await transaction(this.dataSource, async (manager) => {
      const interaction = await this.interactions.unscoredWithAgent(manager, interactionId);
      if (!interaction) return null;
      const turns = await this.interactions.turnsOf(interactionId, manager);
      const flags = await this.abuse.flagsOf([interactionId], manager);
      const result = this.run(
        interaction,
        turns,
        scored.definition,
        flags.get(interactionId) ?? null,
      );
      const evaluationId = await this.writer.createUnlessScored(manager, {
        interactionId,
        scorecardVersion: scored,
        evaluatorId: null,
        kind: 'auto',
        status: 'submitted',
        metrics: { ...result.metrics },
        answers: toSuggestedAnswers(scored.definition, result),
      });
      if (evaluationId === null) return null;
      const event = { evaluationId, interactionId, kind: 'auto', reason: 'auto' };
      return this.events.record(manager, event);
    });
    if (outbox !== null) await this.events.deliver([outbox]);
  }

  private run(
    interaction: Interaction,
    turns: Turn[],
    definition: ScorecardDefinition,
    abuse: AbuseFlag | null,
  ): AutoQaResult {
    return runAutoQa(
      autoQaInput({
        turns,
        channel: interaction.channel,
        language: interaction.language,
        notes: interaction.notes,
        metadata: interaction.metadata,
        agentName: interaction.agent?.name ?? null,
        companyNames: this.config.companyNames,
        abuse,
      }),
      definition,
    );
  }
}
