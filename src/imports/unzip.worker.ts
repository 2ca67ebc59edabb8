/** Worker thread entry (see src/common/worker-pool.ts): unpacks a request's zips off the event loop. */
import { serveWorkerTasks } from '../common/worker-pool';
import {
  unpackUploads,
  type UnpackedFile,
  type UnpackLimits,
  type UploadItem,
} from './zip-archive';

serveWorkerTasks(
  ({ items, limits }: { items: UploadItem[]; limits: UnpackLimits }) =>
    unpackUploads(items, limits),
  // The slabs holding the unpacked files are handed over, not copied: each listed once, and
  // never a buffer that could be Node's shared pool of small buffers (those few bytes are copied).
  (out: (UnpackedFile[] | null)[]) => [
    ...new Set(
      out
        .flatMap((files) => files ?? [])
        .map((f) => f.bytes.buffer as ArrayBuffer)
        .filter((b) => b.byteLength > Buffer.poolSize),
    ),
  ],
);
