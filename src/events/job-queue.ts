import type { EntityManager } from 'typeorm';

/** A job's payload: plain JSON. */
export type JobData = Record<string, unknown>;

/**
 * Runs one job. `manager` is given only in process (SQLite): the job then runs inside the
 * transaction of whoever sent it (the outbox row's), exactly as the side effect ran before
 * there were jobs. On pg-boss it is absent and the handler opens its own transaction.
 */
export type JobHandler = (data: JobData, manager?: EntityManager) => Promise<void> | void;

export interface QueueDefinition {
  /**
   * `short`: at most one *waiting* job per key — sends while one waits are dropped (coalesced);
   * one may wait while another with its key runs. `standard`: every send is a job.
   */
  policy: 'short' | 'standard';
  /** Retries after the first failure, `retryDelay` seconds apart (doubling with backoff). */
  retryLimit: number;
  retryDelay: number;
  /** Jobs of this queue one worker process runs at the same time. */
  concurrency: number;
  /** A cron schedule (UTC): pg-boss sends one job per tick whatever the number of instances. */
  cron?: string;
  /**
   * pg-boss: a job still active this long after it started (its process died) is failed, and
   * so retried (default 60 s).
   */
  expireInSeconds?: number;
  /**
   * Jobs a worker takes in one fetch (pg-boss; default 1). Each still runs, fails and is
   * retried on its own; a larger batch saves round trips when jobs are many and short.
   */
  batchSize?: number;
  /**
   * In process (SQLite): `now` (default) runs the job when it is sent, in the sender's
   * transaction; `later` keeps it in memory and runs it in the background once sends pause,
   * one at a time, retried with the queue's backoff. `later` jobs live in the process's
   * memory only: their owner must find what is owed again when the process starts.
   */
  inProcess?: 'now' | 'later';
}

/** One job of a `sendMany`. */
export interface JobToSend {
  data: JobData;
  key?: string;
}

export interface SendOptions {
  /** Coalescing key (`short` queues): one waiting job per key. */
  key?: string;
  /**
   * The transaction the send belongs to: pg-boss writes its job row in it (the job exists
   * exactly when the transaction commits); in process the job runs in it.
   */
  manager?: EntityManager;
}

/** One queue as /admin/jobs shows it. */
export interface QueueCounts {
  name: string;
  policy: string;
  queued: number;
  active: number;
  failed: number;
  completed: number;
}

export interface FailedJob {
  id: string;
  queue: string;
  data: JobData;
  error: string;
  attempts: number;
  failedAt: Date | null;
}

/**
 * Background jobs. On PostgreSQL they are pg-boss jobs (its own schema `pgboss` in the same
 * database): any instance may send, workers run them, `short` queues coalesce by key, cron
 * schedules fire once per tick across instances, and failures are retried and then kept as
 * `failed` (listed on /admin/jobs). On SQLite (one process) a job runs in process when sent.
 */
export interface JobQueue {
  readonly engine: 'pg-boss' | 'in-process';
  /** Declares a queue and what runs its jobs; before the app bootstraps (onModuleInit). */
  define(name: string, definition: QueueDefinition, handler: JobHandler): void;
  send(name: string, data: JobData, options?: SendOptions): Promise<void>;
  /** Many jobs of one queue (pg-boss: one statement); a key already waiting is skipped. */
  sendMany(name: string, jobs: JobToSend[], options?: Pick<SendOptions, 'manager'>): Promise<void>;
  /** Resolves once no job of these queues (all when none given) is due or running. */
  settled(names?: string[], timeoutMs?: number): Promise<void>;
  counts(): Promise<QueueCounts[]>;
  failed(limit: number): Promise<FailedJob[]>;
  /** A failed job is queued again; false when there is no such failed job. */
  retry(queue: string, id: string): Promise<boolean>;
}

export const JOB_QUEUE = Symbol('JOB_QUEUE');
