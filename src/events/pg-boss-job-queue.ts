import { Logger, OnApplicationBootstrap, BeforeApplicationShutdown } from '@nestjs/common';
import PgBoss from 'pg-boss';
import type { EntityManager } from 'typeorm';
import { httpRequestsInFlight } from '../common/http-activity';
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

/** pg-boss's tables live in their own schema of the app's database. */
export const PGBOSS_SCHEMA = 'pgboss';
/** How often an idle worker asks for a job of one of its queues. */
const POLL_SECONDS = 1;
const ACTIVE_STATES = ['created', 'retry', 'active'];
/**
 * A job still active this long after it started is failed (and so retried) unless its queue
 * says otherwise: the jobs here take seconds, and a job held by a process that died (`kill -9`)
 * should not wait pg-boss's default 15 minutes. Maintenance (which expires them) runs this often.
 */
const EXPIRE_SECONDS = 60;
const MAINTENANCE_SECONDS = 30;
/** PostgreSQL's deadlock_detected. */
const DEADLOCK = '40P01';

interface Defined {
  definition: QueueDefinition;
  handler: JobHandler;
}

/**
 * pg-boss on the app's PostgreSQL. Every process may send; only processes with workers
 * (`workers`: a worker, or a web instance without WORKERS=off) run jobs, fire the cron
 * schedules and do pg-boss's maintenance. pg-boss creates and migrates its schema itself,
 * under an advisory lock (instances started together on an empty database wait for one
 * another), and creating a queue that exists does nothing.
 */
export class PgBossJobQueue implements JobQueue, OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly engine = 'pg-boss' as const;
  private readonly logger = new Logger('Jobs');
  private readonly queues = new Map<string, Defined>();
  private starting: Promise<PgBoss> | null = null;
  private stopping: Promise<void> | null = null;

  constructor(
    private readonly url: string,
    /** Read when pg-boss starts (the app's lifecycle knows it by then). */
    private readonly workers: () => boolean,
  ) {}

  define(name: string, definition: QueueDefinition, handler: JobHandler): void {
    if (this.starting) throw new Error(`job queue ${name} defined after the queues started`);
    this.queues.set(name, { definition, handler });
  }

  /** Processes with workers start at once; the others when they first send or read. */
  async onApplicationBootstrap(): Promise<void> {
    if (this.workers()) await this.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  /** Starts pg-boss once (at bootstrap, or on the first send of a command-line process). */
  start(): Promise<PgBoss> {
    this.starting ??= this.boot();
    return this.starting;
  }

  async stop(): Promise<void> {
    if (!this.starting) return;
    this.stopping ??= this.starting
      .then((boss) => boss.stop({ graceful: true, wait: true, timeout: 20_000 }))
      .catch((e: unknown) => this.logger.error(`pg-boss stop: ${String(e)}`));
    await this.stopping;
  }

  async send(name: string, data: JobData, options: SendOptions = {}): Promise<void> {
    if (!this.queues.has(name)) throw new Error(`no job queue ${name}`);
    const boss = await this.start();
    const send: PgBoss.SendOptions = {};
    if (options.key) send.singletonKey = options.key;
    if (options.manager) send.db = inTransaction(options.manager);
    await boss.send(name, data, send);
  }

  async sendMany(
    name: string,
    jobs: JobToSend[],
    options: Pick<SendOptions, 'manager'> = {},
  ): Promise<void> {
    if (!this.queues.has(name)) throw new Error(`no job queue ${name}`);
    if (jobs.length === 0) return;
    const boss = await this.start();
    // pg-boss's insert takes the queue's retry settings and skips a key already waiting
    // (ON CONFLICT DO NOTHING on its unique indexes).
    await boss.insert(
      jobs.map((j) => ({ name, data: j.data, ...(j.key ? { singletonKey: j.key } : {}) })),
      options.manager ? { db: inTransaction(options.manager) } : {},
    );
  }

  async settled(names = [...this.queues.keys()], timeoutMs = 60_000): Promise<void> {
    const boss = await this.start();
    const until = Date.now() + timeoutMs;
    for (;;) {
      const { rows } = await boss.getDb().executeSql(
        `SELECT count(*)::int AS n FROM ${PGBOSS_SCHEMA}.job
          WHERE name = ANY($1) AND (state = 'active' OR (state = ANY($2) AND start_after <= now()))`,
        [names, ACTIVE_STATES.slice(0, 2)],
      );
      if ((rows[0] as { n: number }).n === 0) return;
      if (Date.now() > until) throw new Error(`jobs of ${names.join(', ')} still running`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async counts(): Promise<QueueCounts[]> {
    const boss = await this.start();
    const { rows } = await boss.getDb().executeSql(
      `SELECT q.name, q.policy,
              count(j.id) FILTER (WHERE j.state IN ('created', 'retry'))::int AS queued,
              count(j.id) FILTER (WHERE j.state = 'active')::int AS active,
              count(j.id) FILTER (WHERE j.state = 'failed')::int AS failed,
              count(j.id) FILTER (WHERE j.state = 'completed')::int AS completed
         FROM ${PGBOSS_SCHEMA}.queue q LEFT JOIN ${PGBOSS_SCHEMA}.job j ON j.name = q.name
        WHERE q.name NOT LIKE '\\_\\_pgboss%'
        GROUP BY q.name, q.policy ORDER BY q.name`,
      [],
    );
    return rows as QueueCounts[];
  }

  async failed(limit: number): Promise<FailedJob[]> {
    const boss = await this.start();
    const { rows } = await boss.getDb().executeSql(
      `SELECT id, name, data, output, retry_count, completed_on FROM ${PGBOSS_SCHEMA}.job
        WHERE state = 'failed' AND name NOT LIKE '\\_\\_pgboss%'
        ORDER BY completed_on DESC NULLS LAST LIMIT $1`,
      [limit],
    );
    return (rows as FailedRow[]).map((r) => ({
      id: r.id,
      queue: r.name,
      data: r.data ?? {},
      error: errorText(r.output),
      attempts: r.retry_count + 1,
      failedAt: r.completed_on,
    }));
  }

  async retry(queue: string, id: string): Promise<boolean> {
    const boss = await this.start();
    const job = await boss.getJobById(queue, id).catch(() => null);
    if (job?.state !== 'failed') return false;
    await boss.retry(queue, id);
    return true;
  }

  private async boot(): Promise<PgBoss> {
    const workers = this.workers();
    const boss = new PgBoss({
      connectionString: this.url,
      schema: PGBOSS_SCHEMA,
      application_name: 'qa-call-monitor-jobs',
      max: 4,
      // Maintenance (expiry, archive) and the cron schedules: where jobs run. pg-boss lets one
      // instance at a time do each (a timestamp row updated by one of them per interval).
      supervise: workers,
      schedule: workers,
      cronMonitorIntervalSeconds: 10,
      maintenanceIntervalSeconds: MAINTENANCE_SECONDS,
    });
    boss.on('error', (e: unknown) => this.logger.error(`pg-boss: ${String(e)}`));
    await boss.start();
    try {
      await this.createQueues(boss);
      if (workers) await this.startWorkers(boss);
    } catch (e) {
      await boss.stop({ graceful: false, wait: true }).catch(() => undefined);
      throw e;
    }
    return boss;
  }

  /**
   * Instances started together create the same queues at once, which can deadlock inside
   * pg-boss (two `create_queue` of one name, each a transaction PostgreSQL then rolls back):
   * that one is tried again, and creating a queue that exists does nothing.
   */
  private async createQueues(boss: PgBoss): Promise<void> {
    for (const [name, { definition: d }] of this.queues) {
      const options = {
        name,
        policy: d.policy,
        retryLimit: d.retryLimit,
        retryDelay: d.retryDelay,
        retryBackoff: true,
        expireInSeconds: d.expireInSeconds ?? EXPIRE_SECONDS,
      };
      for (let attempt = 1; ; attempt++) {
        try {
          await boss.createQueue(name, options);
          await boss.updateQueue(name, options);
          break;
        } catch (e) {
          if ((e as { code?: string }).code !== DEADLOCK || attempt >= 5) throw e;
          await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 200 * attempt));
        }
      }
    }
  }

  private async startWorkers(boss: PgBoss): Promise<void> {
    for (const [name, { definition: d, handler }] of this.queues) {
      if (d.cron) await boss.schedule(name, d.cron, {}, { tz: 'UTC' });
      else await boss.unschedule(name);
      const batchSize = d.batchSize ?? 1;
      for (let i = 0; i < d.concurrency; i++) {
        let workerId: string | null = null;
        workerId = await boss.work<JobData>(
          name,
          { batchSize, pollingIntervalSeconds: POLL_SECONDS },
          async (jobs) => {
            try {
              if (jobs.length === 1) return void (await handler(jobs[0].data ?? {}));
              // A batch: each job fails (and is retried) on its own; pg-boss then completes
              // the ones still active.
              for (const job of jobs) {
                try {
                  await handler(job.data ?? {});
                } catch (e) {
                  await boss.fail(name, job.id, serialisedError(e));
                }
              }
            } finally {
              // pg-boss waits out the polling interval after every fetch (one batch a second
              // per worker whatever the backlog). A full fetch means more jobs are waiting: when
              // this process answers no request, the worker fetches again at once; while people
              // use it, the backlog drains at the polling pace and their requests go first.
              if (jobs.length >= batchSize && workerId !== null && httpRequestsInFlight() === 0)
                boss.notifyWorker(workerId);
            }
          },
        );
      }
    }
  }
}

interface FailedRow {
  id: string;
  name: string;
  data: JobData | null;
  output: unknown;
  retry_count: number;
  completed_on: Date | null;
}

/** pg-boss keeps a failed job's error (serialised) as its output. */
function errorText(output: unknown): string {
  if (output && typeof output === 'object') {
    const o = output as { stack?: unknown; message?: unknown; value?: { message?: unknown } };
    if (typeof o.stack === 'string') return o.stack;
    if (typeof o.message === 'string') return o.message;
    if (typeof o.value?.message === 'string') return o.value.message;
  }
  return output === null || output === undefined ? '' : JSON.stringify(output);
}

/** An error as pg-boss keeps a failed job's output (what `errorText` reads back). */
function serialisedError(e: unknown): object {
  return e instanceof Error ? { message: e.message, stack: e.stack } : { message: String(e) };
}

/** pg-boss's statements, run on the transaction's connection (they commit with it). */
function inTransaction(manager: EntityManager): PgBoss.Db {
  return {
    executeSql: async (text: string, values: unknown[]) => ({
      rows: await manager.query<unknown[]>(text, values),
    }),
  };
}
