import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Background } from '../events/background';
import { EvaluationEvents } from '../events/evaluation-events';
import { SamplingService } from './sampling.service';

/** How often the app samples on its own (imports without auto-QA, calls of a new week …). */
export const SAMPLE_EVERY_MS = 5 * 60_000;
/** After auto-QA scored calls, sampling waits this long for the scoring to pause … */
const QUIET_MS = 1_000;
/** … but no longer than this while auto-QA keeps scoring. */
const MAX_WAIT_MS = 30_000;

/**
 * When sampling runs by itself: soon after auto-QA scored calls (so a failed critical
 * criterion queues the call), and every few minutes in the web app. The command line samples
 * only when asked (`queue sample`), so a CLI run never leaves a timer behind.
 */
@Injectable()
export class SamplingScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
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
  ) {}

  onApplicationBootstrap(): void {
    this.events.onScored((event) => {
      if (event.reason === 'auto') this.soon();
    });
    // A worker, or a web instance with workers on; never the command line.
    if (this.background.loops) {
      this.tick = setInterval(() => this.runNow(), SAMPLE_EVERY_MS);
      this.tick.unref();
    }
  }

  async onApplicationShutdown(): Promise<void> {
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
  }

  private runNow(): void {
    if (this.stopped || this.running) {
      if (this.running && !this.stopped) void this.running.then(() => this.soon());
      return;
    }
    this.running = this.sampling
      .sample(new Date())
      .catch((e: unknown) =>
        this.logger.error(`sampling failed: ${e instanceof Error ? e.stack : String(e)}`),
      )
      .finally(() => (this.running = null));
  }
}
