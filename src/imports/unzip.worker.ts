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
  // Each unpacked file has a buffer of its own: handed over, not copied.
  (out: (UnpackedFile[] | null)[]) =>
    out.flatMap((files) => (files ?? []).map((f) => f.bytes.buffer as ArrayBuffer)),
);
