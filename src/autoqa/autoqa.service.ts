import { Background } from '../events/background';
import { EvaluationEvents } from '../events/evaluation-events';
import { JOB_QUEUE, type JobQueue } from '../events/job-queue';
import { transaction } from '../database/transaction';
import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import type { Interaction } from '../interactions/entities/interaction.entity';
import type { Turn } from '../interactions/entities/turn.entity';
import type { ScorecardVersion } from '../scorecards/entities/scorecard-version.entity';
import type { ScorecardDefinition } from '../scorecards/scorecard-definition';
import { EvaluationWriter } from '../evaluations/evaluation-writer';
import { ScorecardsService } from '../scorecards/scorecards.service';
import type { AutoQaResult } from './autoqa.types';
import { agreementFigures, CriterionAgreement, pinnedPasses } from './agreement';
import { AutoQaRepository } from './autoqa.repository';
import { AbuseRepository } from '../abuse/abuse.repository';
import type { AbuseFlag } from '../abuse/entities/abuse-flag.entity';
import { runAutoQa } from './engine';
import { autoQaInput } from './input';
import { SuggestedAnswer, toSuggestedAnswers } from './suggestions';

const BATCH = 25;
/** Scoring waits until imports have paused this long, so it never slows an import down. */
const QUIET_MS = 300;
/** How often a worker process looks for calls no one has scored yet. */
const WORKER_POLL_MS = 5_000;
/** How far back the agreement page looks for overrides to list. */
const LATEST_ANSWERS = 2000;

/**
 * Pre-scores every imported interaction in the background: an `auto` evaluation on the
 * scorecard of its channel and language (voice-ko, chat-en ...). The work list is the database
 * itself (interactions without an auto evaluation), so a restart loses nothing; batches yield
 * to the event loop so that pages stay fast while thousands of calls are scored.
 */
@Injectable()
export class AutoQaService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AutoQaService.name);
  private running: Promise<void> | null = null;
  private wanted = false;
  private stopped = false;
  private lastImportAt = 0;
  private poll: NodeJS.Timeout | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repository: AutoQaRepository,
    private readonly writer: EvaluationWriter,
    private readonly scorecards: ScorecardsService,
    private readonly events: EvaluationEvents,
    private readonly background: Background,
    private readonly abuse: AbuseRepository,
    @Inject(JOB_QUEUE) private readonly jobs: JobQueue,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.autoQa || this.background.webOnly) return;
    this.schedule();
    // A worker does not hear of imports on web instances: it looks for unscored calls itself.
    if (this.background.isWorker) {
      this.poll = setInterval(() => this.schedule(), WORKER_POLL_MS);
      this.poll.unref();
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.poll) clearInterval(this.poll);
    await this.running;
  }

  /** An import just committed: score its calls once the imports pause. Returns at once. */
  importedJustNow(): void {
    this.lastImportAt = Date.now();
    this.schedule();
  }

  /** Asks for a pass over the pending interactions; returns at once. */
  schedule(): void {
    // WORKERS=off: the workers score what this instance imports.
    if (!this.config.autoQa || this.stopped || this.background.webOnly) return;
    this.wanted = true;
    this.running ??= this.loop()
      .catch((e: unknown) => this.logger.error(`auto-QA stopped: ${String(e)}`))
      .finally(() => (this.running = null));
  }

  /**
   * Resolves when no work is left (tests, the CLI, benchmarks): the scoring, and where jobs
   * run (a worker, a web instance with workers) the jobs it caused (the roll-up's refreshes).
   */
  async drain(): Promise<void> {
    while (this.running) await this.running;
    if (this.background.loops) await this.jobs.settled();
  }

  /** Suggestions for one interaction on one scorecard version, computed now (scoring form). */
  suggest(
    interaction: Interaction & { abuse?: AbuseFlag | null },
    turns: Turn[],
    definition: ScorecardDefinition,
  ): SuggestedAnswer[] {
    return toSuggestedAnswers(
      definition,
      this.run(interaction, turns, definition, interaction.abuse ?? null),
    );
  }

  /**
   * Per criterion: accuracy, coverage and accuracy when sure, and the latest answers where an
   * evaluator overrode the machine (from the newest 2,000 answers beside a suggestion).
   */
  async agreement(key: string): Promise<CriterionAgreement[]> {
    const version = await this.scorecards.current(key);
    const [rows, latest] = await Promise.all([
      this.repository.agreement(version.scorecardId),
      this.repository.latestAnswers(version.scorecardId, LATEST_ANSWERS),
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
    const latest = await this.repository.latestAnswers(version.scorecardId, 20_000);
    const criteria = version.definition.sections.flatMap((s) => s.criteria);
    return { definition: version.definition, pinned: pinnedPasses(criteria, latest) };
  }

  private async loop(): Promise<void> {
    while (this.wanted && !this.stopped) {
      this.wanted = false;
      const versions = await this.currentVersions();
      for (;;) {
        await this.waitForQuiet();
        if (this.stopped || (await this.scoreBatch(versions)) === 0) break;
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
  }

  private async waitForQuiet(): Promise<void> {
    for (let wait = QUIET_MS - (Date.now() - this.lastImportAt); wait > 0 && !this.stopped;) {
      await new Promise((resolve) => setTimeout(resolve, wait));
      wait = QUIET_MS - (Date.now() - this.lastImportAt);
    }
  }

  /** The current version of each scorecard, by the channel-language pair it serves. */
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

  /**
   * Claims a batch of unscored calls, scores them and stores the results in one transaction;
   * returns how many were claimed (0: nothing left for this process). A call another process
   * scored meanwhile is left as it is, and its event is that process's to send.
   */
  private async scoreBatch(versions: Map<string, ScorecardVersion>): Promise<number> {
    const outbox: number[] = [];
    const claimed = await transaction(this.dataSource, async (manager) => {
      const ids = await this.repository.claimPending(manager, [...versions.keys()], BATCH);
      if (ids.length === 0) return 0;
      const { interactions, turns } = await this.repository.load(manager, ids);
      const flags = await this.abuse.flagsOf(ids, manager);
      for (const interaction of interactions) {
        const version = versions.get(`${interaction.channel}-${interaction.language}`);
        if (!version) continue;
        const result = this.run(
          interaction,
          turns.get(interaction.id) ?? [],
          version.definition,
          flags.get(interaction.id) ?? null,
        );
        const evaluationId = await this.writer.createUnlessScored(manager, {
          interactionId: interaction.id,
          scorecardVersion: version,
          evaluatorId: null,
          kind: 'auto',
          status: 'submitted',
          metrics: { ...result.metrics },
          answers: toSuggestedAnswers(version.definition, result),
        });
        if (evaluationId === null) continue;
        const event = { evaluationId, interactionId: interaction.id };
        outbox.push(await this.events.record(manager, { ...event, kind: 'auto', reason: 'auto' }));
      }
      return ids.length;
    });
    await this.events.deliver(outbox);
    return claimed;
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
