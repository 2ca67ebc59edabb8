import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  BeforeApplicationShutdown,
  OnModuleInit,
} from '@nestjs/common';
import { Background } from '../events/background';
import { EvaluationEvents } from '../events/evaluation-events';
import { JOB_QUEUE, type JobQueue } from '../events/job-queue';
import { SamplingService } from './sampling.service';

/** How often the app samples on its own (imports without auto-QA, calls of a new week …). */
export const SAMPLE_EVERY_MS = 5 * 60_000;
/** The same on pg-boss: a cron schedule (UTC), one job per tick for all instances. */
export const SAMPLE_CRON = '*/5 * * * *';
/** The job of a sampling run (pg-boss); at most one waits at a time. */
export const SAMPLE_JOB = 'queue.sample';
/** After auto-QA scored calls, sampling waits this long for the scoring to pause … */
const QUIET_MS = 1_000;
/** … but no longer than this while auto-QA keeps scoring. */
const MAX_WAIT_MS = 30_000;

/**
 * When sampling runs by itself: soon after auto-QA scored calls (so a failed critical
 * criterion queues the call), and every few minutes in the web app. The command line samples
 * only when asked (`queue sample`), so a CLI run never leaves a timer behind.
 *
 * On PostgreSQL both are pg-boss jobs of one queue (`queue.sample`, at most one waiting): the
 * every-five-minutes run is a pg-boss cron schedule, sent once per tick whatever the number
 * of instances and run by one worker; "soon" sends a job too. The advisory lock of
 * `SamplingService.sample` stays as a second guard (and serialises "Sample now").
 */
@Injectable()
export class SamplingScheduler
  implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown
{
  private readonly logger = new Logger('Sampling');
  private timer: NodeJS.Timeout | null = null;
  private tick: NodeJS.Timeout | null = null;
  private firstAskedAt = 0;
  private running: Promise<unknown> | null = null;
  private stopped = false;

  constructor(
    private readonly sampling: SamplingService,
    private readonly events: EvaluationEvents,
    private readonly background: Background,
    @Inject(JOB_QUEUE) private readonly jobs: JobQueue,
  ) {}

  onModuleInit(): void {
    this.jobs.define(
      SAMPLE_JOB,
      { policy: 'short', retryLimit: 3, retryDelay: 30, concurrency: 1, cron: SAMPLE_CRON },
      async () => {
        await this.sampling.sample(new Date());
      },
    );
  }

  onApplicationBootstrap(): void {
    this.events.onScored((event) => {
      if (event.reason === 'auto') this.soon();
    });
    // A worker, or a web instance with workers on; never the command line. (pg-boss: the
    // cron schedule instead.)
    if (this.background.loops && this.jobs.engine === 'in-process') {
      this.tick = setInterval(() => this.runNow(), SAMPLE_EVERY_MS);
      this.tick.unref();
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.tick) clearInterval(this.tick);
    await this.running;
  }

  /** Asks for a run once things are quiet; returns at once. */
  soon(): void {
    if (this.stopped) return;
    const now = Date.now();
    if (!this.timer) this.firstAskedAt = now;
    else clearTimeout(this.timer);
    const wait = Math.max(0, Math.min(QUIET_MS, this.firstAskedAt + MAX_WAIT_MS - now));
    this.timer = setTimeout(() => {
      this.timer = null;
      this.runNow();
    }, wait);
    this.timer.unref();
  }

  /** Resolves when no run is waiting or running (tests, benchmarks). */
  async settled(): Promise<void> {
    while (this.timer || this.running) {
      if (this.running) await this.running;
      else await new Promise((resolve) => setTimeout(resolve, 50));
    }
    if (this.jobs.engine === 'pg-boss' && this.background.loops) {
      await this.jobs.settled([SAMPLE_JOB]);
    }
  }

  private runNow(): void {
    if (this.stopped || this.running) {
      if (this.running && !this.stopped) void this.running.then(() => this.soon());
      return;
    }
    this.running = (
      this.jobs.engine === 'pg-boss'
        ? this.jobs.send(SAMPLE_JOB, {})
        : this.sampling.sample(new Date())
    )
      .catch((e: unknown) =>
        this.logger.error(`sampling failed: ${e instanceof Error ? e.stack : String(e)}`),
      )
      .finally(() => (this.running = null));
  }
}
