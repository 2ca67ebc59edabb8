import {
  Injectable,
  Logger,
  OnApplicationBootstrap,
  BeforeApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { transaction } from '../database/transaction';
import type { OutboxEvent, OutboxPayload } from './entities/outbox-event.entity';
import { Background } from './background';
import { OutboxRepository } from './outbox.repository';

/** Runs inside the transaction that marks the row done: what it writes commits with it. */
export type OutboxHandler = (
  payload: OutboxPayload,
  manager: EntityManager,
) => Promise<void> | void;

/** Attempts before a row is `failed` (visible on /admin/jobs, where it can be retried). */
export const MAX_ATTEMPTS = 8;
/** How often an idle dispatcher looks for rows another process (or a crash) left. */
const POLL_MS = 2_000;
/** Done rows are kept this long (for /admin/jobs), then deleted by the loop … */
export const KEEP_DONE_MS = 7 * 86_400_000;
/** … which looks for them this often. */
const PRUNE_EVERY_MS = 3_600_000;

/** Seconds before the next attempt after `attempts` failures: 2, 4, 8 … capped at 10 minutes. */
export function backoffSeconds(attempts: number): number {
  return Math.min(600, 2 ** attempts);
}

/**
 * Drains the outbox: each row is claimed, its topic's handlers run and the row is marked done,
 * all in one transaction, so a side effect that writes (a notice, a closed queue item, a roll-up
 * refresh) is there exactly when its row is done. A handler that throws rolls that back; the
 * row keeps the error and is tried again after a backoff (at least once, hence idempotent
 * handlers), until MAX_ATTEMPTS. The process that committed a change delivers its rows at once
 * (`deliver`); the loop picks up the rest: rows whose delivery failed, rows left by a process
 * that died right after its commit, rows written by the command line.
 */
@Injectable()
export class OutboxDispatcher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Outbox');
  private readonly handlers = new Map<string, OutboxHandler[]>();
  private timer: NodeJS.Timeout | null = null;
  private draining: Promise<number> | null = null;
  private running = true;
  private looping = false;
  private prunedAt = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: OutboxRepository,
    private readonly background: Background,
  ) {}

  handle(topic: string, handler: OutboxHandler): void {
    this.handlers.set(topic, [...(this.handlers.get(topic) ?? []), handler]);
  }

  /** A worker, or a web instance with workers on (not the command line), drains in the background. */
  onApplicationBootstrap(): void {
    if (this.background.loops) this.startLoop();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  /** Runs these rows now (the process that wrote them, after its commit). */
  async deliver(ids: number[]): Promise<void> {
    for (const id of ids) {
      if (!this.running) return;
      await this.runOne(new Date(), id);
    }
  }

  /** Runs every row due now; returns how many were tried. Joins a drain already running. */
  drain(now = new Date()): Promise<number> {
    this.draining ??= (async () => {
      let tried = 0;
      while (this.running && (await this.runOne(now))) tried++;
      return tried;
    })().finally(() => (this.draining = null));
    return this.draining;
  }

  /**
   * Stops delivering (as if the process had died after its commits): rows written meanwhile
   * stay pending. Waits for the row being handled.
   */
  async stop(): Promise<void> {
    this.running = false;
    this.looping = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.draining?.catch(() => undefined);
  }

  /** Delivers again, and drains in the background when `loop` (a web app or a worker). */
  start(loop = true): void {
    this.running = true;
    if (loop) this.startLoop();
  }

  /** Deletes rows done more than KEEP_DONE_MS before `now`; returns how many. */
  prune(now = new Date()): Promise<number> {
    this.prunedAt = now.getTime();
    return this.repository.deleteDoneBefore(new Date(now.getTime() - KEEP_DONE_MS));
  }

  private startLoop(): void {
    this.looping = true;
    const tick = () => {
      this.timer = null;
      const prune = Date.now() - this.prunedAt >= PRUNE_EVERY_MS ? this.prune() : null;
      void Promise.all([prune, this.drain()])
        .catch((e: unknown) => this.logger.error(`outbox drain failed: ${String(e)}`))
        .finally(() => {
          if (!this.looping) return;
          this.timer = setTimeout(tick, POLL_MS);
          this.timer.unref();
        });
    };
    tick();
  }

  /** Claims one row (this one, or the oldest due) and handles it; false when there was none. */
  private async runOne(now: Date, id?: number): Promise<boolean> {
    let claimed: OutboxEvent | null = null;
    try {
      return await transaction(this.dataSource, async (manager) => {
        claimed = await this.repository.claim(manager, now, id);
        if (!claimed) return false;
        for (const handler of this.handlers.get(claimed.topic) ?? []) {
          await handler(claimed.payload, manager);
        }
        await this.repository.markDone(manager, claimed.id);
        return true;
      });
    } catch (e) {
      const row = claimed as OutboxEvent | null;
      if (!row) throw e;
      const attempts = row.attempts + 1;
      const retryAt =
        attempts >= MAX_ATTEMPTS ? null : new Date(Date.now() + backoffSeconds(attempts) * 1000);
      const error = e instanceof Error ? (e.stack ?? e.message) : String(e);
      this.logger.error(
        `outbox ${row.id} (${row.topic}) failed, attempt ${attempts}` +
          (retryAt ? `; again at ${retryAt.toISOString()}` : '; given up') +
          `: ${error}`,
      );
      await this.repository.recordFailure(row.id, row.attempts, {
        attempts,
        error: error.slice(0, 4000),
        retryAt,
      });
      return true;
    }
  }
}
