import * as path from 'path';
import { runInWorker, WorkerResourceError, WorkerTaskError } from '../../../src/common/worker-pool';

/** test-task.worker.ts: doubles a number, throws a located error, or eats memory / time. */
const WORKER = path.join(__dirname, 'support', 'test-task.worker');
const LIMITS = { maxHeapMb: 64, timeoutMs: 60_000 };

describe('running a pure function in a worker thread', () => {
  it('answers with what the function returns', async () => {
    await expect(runInWorker(WORKER, { kind: 'double', n: 21 }, LIMITS)).resolves.toBe(42);
  });

  it('hands back the error the function threw, with its fields', async () => {
    const e = await runInWorker(WORKER, { kind: 'fail' }, LIMITS).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(WorkerTaskError);
    expect(e).toMatchObject({
      errorName: 'LocatedError',
      message: 'row 7: bad cell',
      data: { file: 'x.csv', line: 7 },
    });
  });

  it('refuses a task that needs more memory than the worker has, and the next task still runs', async () => {
    const e = await runInWorker(WORKER, { kind: 'hog' }, LIMITS).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(WorkerResourceError);
    expect(e).toMatchObject({ resource: 'memory' });
    await expect(runInWorker(WORKER, { kind: 'double', n: 2 }, LIMITS)).resolves.toBe(4);
  });

  it('stops a task that runs longer than allowed', async () => {
    const e = await runInWorker(WORKER, { kind: 'spin' }, { ...LIMITS, timeoutMs: 8_000 }).catch(
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(WorkerResourceError);
    expect(e).toMatchObject({ resource: 'time' });
  });
});
