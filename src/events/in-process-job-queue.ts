import type {
  FailedJob,
  JobData,
  JobHandler,
  JobQueue,
  QueueCounts,
  SendOptions,
} from './job-queue';

/**
 * SQLite (one process): a job runs when it is sent, in the sender's transaction when it gives
 * one — what the app did before there were jobs. Nothing waits, so nothing is listed.
 */
export class InProcessJobQueue implements JobQueue {
  readonly engine = 'in-process' as const;
  private readonly handlers = new Map<string, JobHandler>();

  define(name: string, _definition: unknown, handler: JobHandler): void {
    this.handlers.set(name, handler);
  }

  async send(name: string, data: JobData, options: SendOptions = {}): Promise<void> {
    const handler = this.handlers.get(name);
    if (!handler) throw new Error(`no job queue ${name}`);
    await handler(data, options.manager);
  }

  settled(): Promise<void> {
    return Promise.resolve();
  }

  counts(): Promise<QueueCounts[]> {
    return Promise.resolve([]);
  }

  failed(): Promise<FailedJob[]> {
    return Promise.resolve([]);
  }

  retry(): Promise<boolean> {
    return Promise.resolve(false);
  }
}
