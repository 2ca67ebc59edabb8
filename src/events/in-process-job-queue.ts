import { Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'crypto';
import type {
  FailedJob,
  JobData,
  JobHandler,
  JobQueue,
  JobToSend,
  QueueCounts,
  QueueDefinition,
  SendOptions,
} from './job-queue';

/** `later` jobs start once sends have paused this long, so a burst of imports is not slowed. */
export const QUIET_MS = 300;
/** Failed `later` jobs kept for /admin/jobs (the oldest are forgotten first). */
const FAILED_KEPT = 200;

interface Waiting {
  id: string;
  name: string;
  data: JobData;
  key?: string;
  attempts: number;
  dueAt: number;
}

/**
 * SQLite (one process). A `now` queue's job runs when it is sent, in the sender's transaction
 * when it gives one — what the app did before there were jobs. A `later` queue's jobs wait in
 * memory and run in the background, one at a time, once sends have paused for QUIET_MS; one
 * that throws is tried again after the queue's doubling delay and, after its retries, is kept
 * as failed (listed on /admin/jobs, where it can be retried). They live in this process's
 * memory only: whoever sends them finds what is owed again when the process starts.
 */
export class InProcessJobQueue implements JobQueue, BeforeApplicationShutdown {
  readonly engine = 'in-process' as const;
  private readonly queues = new Map<string, { definition: QueueDefinition; handler: JobHandler }>();
  private readonly waiting: Waiting[] = [];
  private readonly keys = new Set<string>();
  private readonly failedJobs: (Waiting & { error: string; failedAt: Date })[] = [];
  private readonly completed = new Map<string, number>();
  private running: Promise<void> | null = null;
  private active: Waiting | null = null;
  private lastSendAt = 0;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private readonly logger = new Logger('Jobs');

  /**
   * `webOnly`: read when a job is sent. A web process with `WORKERS=off` keeps no `later` job:
   * it would run in this process, which is to run no background work, and the worker process
   * cannot see this memory. Their owners find what is owed when the worker starts.
   */
  constructor(private readonly webOnly: () => boolean = () => false) {}

  define(name: string, definition: QueueDefinition, handler: JobHandler): void {
    this.queues.set(name, { definition, handler });
  }

  async send(name: string, data: JobData, options: SendOptions = {}): Promise<void> {
    const queue = this.queue(name);
    if (queue.definition.inProcess !== 'later') return queue.handler(data, options.manager);
    if (this.webOnly()) return;
    this.enqueue(name, { data, key: options.key });
  }

  async sendMany(name: string, jobs: JobToSend[], options: SendOptions = {}): Promise<void> {
    const queue = this.queue(name);
    if (queue.definition.inProcess === 'later') {
      if (this.webOnly()) return;
      for (const job of jobs) this.enqueue(name, job);
      return;
    }
    for (const job of jobs) await queue.handler(job.data, options.manager);
  }

  /** Resolves once no `later` job of these queues (all when none given) is due or running. */
  async settled(names?: string[], timeoutMs = 60_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    const owed = (j: Waiting) => (!names || names.includes(j.name)) && j.dueAt <= Date.now();
    while ((this.active && owed(this.active)) || this.waiting.some(owed)) {
      if (this.stopped) return;
      if (Date.now() > until)
        throw new Error(`jobs of ${(names ?? ['all']).join(', ')} still running`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  counts(): Promise<QueueCounts[]> {
    const later = [...this.queues].filter(([, q]) => q.definition.inProcess === 'later');
    return Promise.resolve(
      later.map(([name, q]) => ({
        name,
        policy: q.definition.policy,
        queued: this.waiting.filter((j) => j.name === name).length,
        active: this.active?.name === name ? 1 : 0,
        failed: this.failedJobs.filter((j) => j.name === name).length,
        completed: this.completed.get(name) ?? 0,
      })),
    );
  }

  failed(limit: number): Promise<FailedJob[]> {
    return Promise.resolve(
      [...this.failedJobs]
        .reverse()
        .slice(0, limit)
        .map((j) => ({
          id: j.id,
          queue: j.name,
          data: j.data,
          error: j.error,
          attempts: j.attempts,
          failedAt: j.failedAt,
        })),
    );
  }

  retry(queue: string, id: string): Promise<boolean> {
    const at = this.failedJobs.findIndex((j) => j.name === queue && j.id === id);
    if (at < 0) return Promise.resolve(false);
    const [job] = this.failedJobs.splice(at, 1);
    this.enqueue(job.name, { data: job.data, key: job.key }, job.id);
    return Promise.resolve(true);
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.stop();
  }

  /** Stops starting jobs (the app closes); waits for the one running. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private queue(name: string) {
    const queue = this.queues.get(name);
    if (!queue) throw new Error(`no job queue ${name}`);
    return queue;
  }

  private enqueue(name: string, job: JobToSend, id: string = randomUUID()): void {
    const key = job.key === undefined ? null : `${name}\u0000${job.key}`;
    if (key !== null) {
      // `short`: one waiting job per key.
      if (this.keys.has(key)) return;
      this.keys.add(key);
    }
    this.waiting.push({ id, name, data: job.data, key: job.key, attempts: 0, dueAt: Date.now() });
    this.lastSendAt = Date.now();
    this.wake(QUIET_MS);
  }

  private wake(ms: number): void {
    if (this.running || this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.running ??= this.loop().finally(() => {
        this.running = null;
        const next = Math.min(...this.waiting.map((j) => j.dueAt));
        if (Number.isFinite(next)) this.wake(Math.max(QUIET_MS, next - Date.now()));
      });
    }, ms);
    this.timer.unref();
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      const quiet = QUIET_MS - (Date.now() - this.lastSendAt);
      if (quiet > 0) {
        await new Promise((resolve) => setTimeout(resolve, quiet));
        continue;
      }
      const at = this.waiting.findIndex((j) => j.dueAt <= Date.now());
      if (at < 0) return;
      const [job] = this.waiting.splice(at, 1);
      if (job.key !== undefined) this.keys.delete(`${job.name}\u0000${job.key}`);
      this.active = job;
      await this.runOne(job);
      this.active = null;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  private async runOne(job: Waiting): Promise<void> {
    const { definition, handler } = this.queue(job.name);
    try {
      await handler(job.data);
      this.completed.set(job.name, (this.completed.get(job.name) ?? 0) + 1);
    } catch (e) {
      job.attempts++;
      const error = e instanceof Error ? (e.stack ?? e.message) : String(e);
      const again = job.attempts <= definition.retryLimit;
      this.logger.error(
        `job ${job.name} ${JSON.stringify(job.data)} failed, attempt ${job.attempts}` +
          `${again ? '' : '; given up'}: ${error}`,
      );
      if (again) {
        job.dueAt = Date.now() + definition.retryDelay * 1000 * 2 ** (job.attempts - 1);
        this.waiting.push(job);
        return;
      }
      this.failedJobs.push({ ...job, error, failedAt: new Date() });
      if (this.failedJobs.length > FAILED_KEPT) this.failedJobs.shift();
    }
  }
}
