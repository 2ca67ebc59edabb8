import * as path from 'path';
import {
  runInWorker,
  tooHeavyToRead,
  WorkerResourceError,
  WorkerTaskError,
  type WorkerLimits,
} from '../common/worker-pool';
import { MysteryShopFileError, type SheetRows } from './sheet-reader';

const WORKER = path.join(__dirname, 'read-rows.worker');
/** 10,000 rows of a wide sheet fit in well under half of this; a file needing more is a 413. */
export const READ_ROWS_LIMITS: WorkerLimits = { maxHeapMb: 768, timeoutMs: 120_000 };

/**
 * `readRows` (CSV or XLSX, pure) in a worker thread, so that a large spreadsheet does not stop the
 * app answering others meanwhile. Rejects like `readRows` (MysteryShopFileError), or with a 413
 * when reading the file needs more memory or time than READ_ROWS_LIMITS give.
 */
export async function readRowsOffThread(file: string, bytes: Buffer): Promise<SheetRows> {
  try {
    return await runInWorker<SheetRows>(WORKER, { file, bytes }, READ_ROWS_LIMITS);
  } catch (e) {
    if (e instanceof WorkerTaskError && e.errorName === 'MysteryShopFileError') {
      const { reason, line } = e.data as { reason: string; line?: number };
      throw new MysteryShopFileError(file, reason, line);
    }
    if (e instanceof WorkerResourceError) throw tooHeavyToRead(file, e, READ_ROWS_LIMITS);
    throw e;
  }
}
