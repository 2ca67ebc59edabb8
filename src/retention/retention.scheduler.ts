import {
  Injectable,
  Logger,
  OnApplicationBootstrap,
  BeforeApplicationShutdown,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { retentionActive } from '../config/retention-policy';
import { RetentionService } from './retention.service';

/** How often the web app looks whether the day's run is due. */
export const RETENTION_CHECK_EVERY_MS = 10 * 60_000;

/**
 * The daily retention run, in-process: the web app checks every few minutes whether the day's
 * run (RETENTION_HOUR in TZ_DISPLAY) has happened and runs it when not. Several instances on
 * one PostgreSQL database: the run holds an advisory lock, and the one that gets it second
 * finds the day's run done. The command line never leaves a timer behind.
 */
@Injectable()
export class RetentionScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Retention');
  private tick: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private stopped = false;

  constructor(
    private readonly retention: RetentionService,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.adapterHost.httpAdapter || !retentionActive(this.retention.policy)) return;
    this.tick = setInterval(() => this.check(), RETENTION_CHECK_EVERY_MS);
    this.tick.unref();
    this.check();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.tick) clearInterval(this.tick);
    await this.running;
  }

  /** Resolves when no run is going (tests). */
  async settled(): Promise<void> {
    while (this.running) await this.running;
  }

  private check(): void {
    if (this.stopped || this.running) return;
    this.running = this.retention
      .run(new Date(), null, 'schedule')
      .then((result) => {
        if (result) this.logger.log(`deleted the transcripts of ${result.calls} calls`);
      })
      .catch((e: unknown) =>
        this.logger.error(`retention failed: ${e instanceof Error ? e.stack : String(e)}`),
      )
      .finally(() => (this.running = null));
  }
}
