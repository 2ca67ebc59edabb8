/** A worker for worker-pool.spec.ts. */
import { serveWorkerTasks } from '../../../../src/common/worker-pool';

class LocatedError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
  ) {
    super(`row ${line}: bad cell`);
    this.name = 'LocatedError';
  }
}

type Task = { kind: 'double'; n: number } | { kind: 'fail' } | { kind: 'hog' } | { kind: 'spin' };

serveWorkerTasks((task: Task) => {
  switch (task.kind) {
    case 'double':
      return task.n * 2;
    case 'fail':
      throw new LocatedError('x.csv', 7);
    case 'hog': {
      const kept: string[][] = [];
      for (;;) kept.push(Array.from({ length: 10_000 }, (_, i) => `cell ${i} ${kept.length}`));
    }
    case 'spin':
      for (;;);
  }
});
