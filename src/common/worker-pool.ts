/**
 * CPU-heavy reading of uploads (unzipping, spreadsheets) off the event loop: a pure function runs
 * in a `node:worker_threads` worker, so every other request is served meanwhile. The worker file
 * is a thin wrapper (`serveWorkerTasks(pureFunction)`); the pure code stays testable on its own.
 *
 * How a worker file is started, from the build and from source — decided by which file exists,
 * not by an environment variable, so neither way can pick the wrong one:
 * - `npm run build` compiles `x.worker.ts` to `dist/src/…/x.worker.js`: that .js is started as is.
 * - From source (ts-jest, `npm run start:dev`) only `x.worker.ts` exists: the worker starts from a
 *   two-line script that registers ts-node (transpile-only; a devDependency, like ts-jest) and
 *   requires the .ts file. This costs a second or two once per worker, hence the pool below.
 *
 * Workers are kept (at most MAX_WORKERS per file and limits, more tasks wait their turn), ended after
 * IDLE_MS without work. A worker whose task failed — a limit crossed, an out-of-memory or a
 * timeout — is ended at once, so whatever it had inflated is freed and never reused. Each worker
 * has its own heap limit: a file that needs more is refused (WorkerResourceError), the app lives on.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parentPort, Worker } from 'worker_threads';
import { BodyTooLargeError } from './errors';

const MAX_WORKERS = 2;
const IDLE_MS = 5_000;

export interface WorkerLimits {
  /** Heap of one worker (V8 old generation), in MB. */
  maxHeapMb: number;
  /** A task running longer is stopped. */
  timeoutMs: number;
}

/** An error thrown by the pure function in the worker, with its own fields (`file`, `line` …). */
export class WorkerTaskError extends Error {
  constructor(
    readonly errorName: string,
    message: string,
    readonly data: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'WorkerTaskError';
  }
}

/** The task needed more memory or time than the worker is given. */
export class WorkerResourceError extends Error {
  constructor(readonly resource: 'memory' | 'time') {
    super(`the worker ran out of ${resource}`);
    this.name = 'WorkerResourceError';
  }
}

/** WorkerResourceError as the 413 a user sees, naming the file that was being read. */
export function tooHeavyToRead(
  file: string,
  error: WorkerResourceError,
  limits: WorkerLimits,
  field = 'file',
): BodyTooLargeError {
  return error.resource === 'memory'
    ? new BodyTooLargeError(
        `${file}: reading this file needs more memory than the server gives one upload`,
        { key: 'error.uploadNeedsTooMuchMemory', params: { file } },
        field,
      )
    : new BodyTooLargeError(
        `${file}: reading this file takes longer than the server gives one upload`,
        {
          key: 'error.uploadTakesTooLong',
          params: { file, seconds: String(Math.round(limits.timeoutMs / 1000)) },
        },
        field,
      );
}

type Reply = { ok: true; value: unknown } | { ok: false; error: SerialisedError };
interface SerialisedError {
  name: string;
  message: string;
  data: Record<string, unknown>;
}

interface Idle {
  worker: Worker;
  timer: NodeJS.Timeout;
  onExit: () => void;
}

interface Task {
  input: unknown;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

class WorkerPool {
  private readonly idle: Idle[] = [];
  private readonly waiting: Task[] = [];
  /** Workers started and not ended (busy or idle). */
  private live = 0;

  constructor(
    private readonly file: string,
    private readonly limits: WorkerLimits,
  ) {}

  run(input: unknown): Promise<unknown> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ input, resolve, reject });
      this.next();
    });
  }

  private next(): void {
    while (this.waiting.length > 0 && (this.idle.length > 0 || this.live < MAX_WORKERS)) {
      const task = this.waiting.shift()!;
      const kept = this.idle.pop();
      if (kept) {
        clearTimeout(kept.timer);
        kept.worker.off('exit', kept.onExit);
      } else this.live++;
      this.execute(kept?.worker ?? this.spawn(), task);
    }
  }

  private spawn(): Worker {
    return startWorker(this.file, { maxOldGenerationSizeMb: this.limits.maxHeapMb });
  }

  private execute(worker: Worker, task: Task): void {
    worker.ref();
    const finish = (outcome: { value: unknown } | { error: Error }, reuse: boolean) => {
      clearTimeout(timer);
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      if (reuse) this.keep(worker);
      else {
        this.live--;
        void worker.terminate();
      }
      if ('error' in outcome) task.reject(outcome.error);
      else task.resolve(outcome.value);
      this.next();
    };
    const onMessage = (reply: Reply) => {
      if (reply.ok) finish({ value: reply.value }, true);
      else {
        const { name, message, data } = reply.error;
        finish({ error: new WorkerTaskError(name, message, data) }, false);
      }
    };
    const onError = (error: Error & { code?: string }) =>
      finish(
        {
          error:
            error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new WorkerResourceError('memory') : error,
        },
        false,
      );
    const onExit = (code: number) =>
      finish({ error: new Error(`the worker stopped (exit code ${code})`) }, false);
    const timer = setTimeout(
      () => finish({ error: new WorkerResourceError('time') }, false),
      this.limits.timeoutMs,
    );
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    worker.postMessage(task.input);
  }

  /** An idle worker does not keep the process alive and ends after IDLE_MS. */
  private keep(worker: Worker): void {
    worker.unref();
    const drop = () => {
      const at = this.idle.indexOf(entry);
      if (at < 0) return;
      this.idle.splice(at, 1);
      clearTimeout(entry.timer);
      this.live--;
    };
    const entry: Idle = {
      worker,
      onExit: drop,
      timer: setTimeout(() => {
        drop();
        void worker.terminate();
      }, IDLE_MS).unref(),
    };
    worker.once('exit', drop);
    this.idle.push(entry);
  }
}

/** Starts `<file>.js` when it exists (the build), else `<file>.ts` through ts-node (source). */
function startWorker(file: string, resourceLimits: Worker['resourceLimits']): Worker {
  const base = file.replace(/\.(js|ts)$/, '');
  if (fs.existsSync(`${base}.js`)) return new Worker(`${base}.js`, { resourceLimits });
  if (!fs.existsSync(`${base}.ts`)) throw new Error(`no worker file ${base}.js or ${base}.ts`);
  const script = [
    `require(${JSON.stringify(require.resolve('ts-node'))}).register({`,
    `  transpileOnly: true, projectSearchDir: ${JSON.stringify(path.dirname(base))} });`,
    `require(${JSON.stringify(`${base}.ts`)});`,
  ].join('\n');
  return new Worker(script, { eval: true, resourceLimits });
}

const pools = new Map<string, WorkerPool>();

/**
 * Runs the task served by the worker file (`path.join(__dirname, 'x.worker')`) on `input` (copied
 * to the worker). Rejects with WorkerTaskError for an error the task threw, WorkerResourceError
 * when it needed more memory or time than `limits` give.
 */
export function runInWorker<Out>(file: string, input: unknown, limits: WorkerLimits): Promise<Out> {
  const key = `${file} ${limits.maxHeapMb} ${limits.timeoutMs}`;
  let pool = pools.get(key);
  if (!pool) {
    pool = new WorkerPool(file, limits);
    pools.set(key, pool);
  }
  return pool.run(input) as Promise<Out>;
}

/**
 * In a worker file: answers each message with `task(message)`. `transferOf` lists the result's
 * ArrayBuffers to hand over rather than copy (they must belong to the result alone).
 */
export function serveWorkerTasks<In, Out>(
  task: (input: In) => Out | Promise<Out>,
  transferOf: (output: Out) => ArrayBuffer[] = () => [],
): void {
  const port = parentPort;
  if (!port) throw new Error('serveWorkerTasks runs in a worker thread only');
  port.on('message', (input: In) => {
    Promise.resolve()
      .then(() => task(input))
      .then(
        (value) => port.postMessage({ ok: true, value } satisfies Reply, transferOf(value)),
        (e: unknown) => port.postMessage({ ok: false, error: serialise(e) } satisfies Reply),
      );
  });
}

function serialise(e: unknown): SerialisedError {
  if (!(e instanceof Error)) return { name: 'Error', message: String(e), data: {} };
  const data: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(e)) {
    if (['string', 'number', 'boolean'].includes(typeof value)) data[key] = value;
  }
  return { name: e.name, message: e.message, data };
}
