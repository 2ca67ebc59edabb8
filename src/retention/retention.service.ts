import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { CoachingPlanQuotes } from '../coaching/plan-quotes.service';
import type { Actor } from '../common/current-user';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { tryWithAdvisoryLock } from '../database/advisory-lock';
import { transaction } from '../database/transaction';
import { EvaluationWriter } from '../evaluations/evaluation-writer';
import type { TranscriptDeletion } from '../interactions/entities/interaction.entity';
import { InteractionsRepository } from '../interactions/interactions.repository';
import { redactQuote } from '../redaction/redact-import';
import {
  cutoffFor,
  isExpired,
  lastScheduledRun,
  nextScheduledRuns,
  policyDays,
  retentionActive,
  retentionDays,
  type RetentionPolicy,
} from '../config/retention-policy';

/** What one run (or one data request) deleted. */
export interface DeletionCounts {
  calls: number;
  turns: number;
  recordings: number;
  /** Evaluation answers whose evidence quotes were trimmed to the redacted form. */
  evidence: number;
  /** Coaching plans whose quotes of these calls were trimmed to the redacted form. */
  coachingPlans: number;
}

export interface RetentionRunResult extends DeletionCounts {
  /** Calls deleted per `source / channel`. */
  perGroup: Record<string, number>;
  trigger: 'schedule' | 'manual';
}

/** One row of the preview: calls a coming run will delete. */
export interface UpcomingDeletion {
  at: Date;
  groups: { source: string; channel: string; days: number; calls: number }[];
  total: number;
}

const BATCH = 200;
const LOCK = 'retention';
export const RETENTION_AUDIT = { entityType: 'retention', action: 'retention.run' } as const;

/**
 * Retention that deletes: the transcripts (turns, notes, recording reference) of calls past
 * their source's or channel's number of days. Evaluations and scores stay; their evidence
 * quotes are trimmed to the redacted form (through EvaluationWriter). One audit entry per run.
 */
@Injectable()
export class RetentionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly interactions: InteractionsRepository,
    private readonly writer: EvaluationWriter,
    private readonly audit: AuditService,
    private readonly plans: CoachingPlanQuotes,
  ) {}

  get policy(): RetentionPolicy {
    return this.config.retention;
  }

  /**
   * Runs the deletion now. On PostgreSQL one instance at a time: when another holds the lock
   * the answer is null. A scheduled run that finds today's run already done does nothing (null).
   */
  async run(
    now: Date,
    actor: Actor | null,
    trigger: RetentionRunResult['trigger'],
  ): Promise<RetentionRunResult | null> {
    if (!retentionActive(this.policy)) return null;
    const outcome = await tryWithAdvisoryLock(this.dataSource, LOCK, async () => {
      if (trigger === 'schedule' && !(await this.due(now))) return null;
      return this.deleteExpired(now, actor, trigger);
    });
    return outcome.ran ? outcome.result : null;
  }

  /** Whether the day's scheduled run has not happened yet. */
  async due(now: Date): Promise<boolean> {
    if (!retentionActive(this.policy)) return false;
    const [last] = await this.lastRuns(1);
    return !last || last.createdAt.getTime() < lastScheduledRun(now).getTime();
  }

  /** The last runs, newest first (from the audit log). */
  async lastRuns(
    count: number,
  ): Promise<{ createdAt: Date; actorName: string; counts: Partial<RetentionRunResult> }[]> {
    const page = await this.audit.list({ ...RETENTION_AUDIT }, count);
    return page.items.map((entry) => {
      const counts: Partial<RetentionRunResult> = entry.after ?? {};
      return { createdAt: entry.createdAt, actorName: entry.actorName, counts };
    });
  }

  /** What the next `runs` scheduled runs will delete, per source and channel. */
  async upcoming(now: Date, runs: number): Promise<UpcomingDeletion[]> {
    const times = nextScheduledRuns(now, runs);
    const days = policyDays(this.policy);
    const result: UpcomingDeletion[] = [];
    // Per number of days: calls past it by each run (cumulative), then each run's share.
    const previous = new Map<string, number>();
    for (const at of times) {
      const groups: UpcomingDeletion['groups'] = [];
      for (const d of days) {
        for (const row of await this.interactions.keptBefore(cutoffFor(at, d))) {
          if (retentionDays(this.policy, row.source, row.channel) !== d) continue;
          const key = `${row.source}\u0000${row.channel}`;
          const calls = row.calls - (previous.get(key) ?? 0);
          previous.set(key, row.calls);
          if (calls > 0) groups.push({ source: row.source, channel: row.channel, days: d, calls });
        }
      }
      groups.sort((a, b) => a.source.localeCompare(b.source) || a.channel.localeCompare(b.channel));
      result.push({ at, groups, total: groups.reduce((n, g) => n + g.calls, 0) });
    }
    return result;
  }

  /**
   * Deletes these calls' transcripts and trims their evidence inside the caller's transaction
   * (retention and data subject requests alike).
   */
  async deleteTranscripts(
    manager: EntityManager,
    calls: { id: number; language: string }[],
    at: Date,
    by: TranscriptDeletion,
  ): Promise<DeletionCounts> {
    const ids = calls.map((c) => c.id);
    const language = new Map(calls.map((c) => [c.id, c.language]));
    const { turns, recordings } = await this.interactions.deleteTranscripts(manager, ids, at, by);
    const trim = (quote: string, interactionId: number) =>
      redactQuote(quote, language.get(interactionId) ?? 'ko', this.config.redaction.address);
    const evidence = await this.writer.trimEvidence(manager, ids, trim);
    const coachingPlans = await this.plans.trimQuotesOf(manager, ids, trim);
    return { calls: ids.length, turns, recordings, evidence, coachingPlans };
  }

  private async deleteExpired(
    now: Date,
    actor: Actor | null,
    trigger: RetentionRunResult['trigger'],
  ): Promise<RetentionRunResult> {
    const result: RetentionRunResult = {
      calls: 0,
      turns: 0,
      recordings: 0,
      evidence: 0,
      coachingPlans: 0,
      perGroup: {},
      trigger,
    };
    const shortest = policyDays(this.policy)[0];
    const before = cutoffFor(now, shortest);
    let afterId = 0;
    for (;;) {
      const candidates = await this.interactions.expiredCandidates(before, afterId, BATCH);
      if (candidates.length === 0) break;
      afterId = candidates[candidates.length - 1].id;
      const expired = candidates.filter((c) => isExpired(this.policy, c, now));
      if (expired.length === 0) continue;
      const counts = await transaction(this.dataSource, (manager) =>
        this.deleteTranscripts(manager, expired, now, 'retention'),
      );
      result.calls += counts.calls;
      result.turns += counts.turns;
      result.recordings += counts.recordings;
      result.evidence += counts.evidence;
      result.coachingPlans += counts.coachingPlans;
      for (const c of expired) {
        const key = `${c.source} / ${c.channel}`;
        result.perGroup[key] = (result.perGroup[key] ?? 0) + 1;
      }
    }
    await transaction(this.dataSource, (manager) =>
      this.audit.record(manager, actor, {
        ...RETENTION_AUDIT,
        entityId: now.toISOString().slice(0, 10),
        after: result,
      }),
    );
    return result;
  }
}
