/** Worker thread entry (see src/common/worker-pool.ts): reads a results file off the event loop. */
import { serveWorkerTasks } from '../common/worker-pool';
import { readRows } from './sheet-reader';

serveWorkerTasks(({ file, bytes }: { file: string; bytes: Uint8Array }) =>
  readRows(file, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)),
);
