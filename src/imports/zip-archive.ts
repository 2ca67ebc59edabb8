import { unzipSync } from 'fflate';
import { InputError } from '../common/errors';

/** Limits that keep a small zip from unpacking into something that exhausts memory. */
export const ZIP_LIMITS = { entries: 10_000, totalBytes: 512 * 1024 * 1024 };

const SKIPPED = /(^|\/)(__MACOSX|\.DS_Store|Thumbs\.db)(\/|$)|\/$/;

/**
 * The files inside an uploaded zip, named `<archive>/<path inside>`. Folders, macOS metadata and
 * empty entries are skipped. A broken archive or one over the limits is refused as a whole.
 */
export function unzipUpload(archive: string, bytes: Buffer): { name: string; buffer: Buffer }[] {
  let entries = 0;
  let total = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (entry) => {
        if (SKIPPED.test(entry.name)) return false;
        entries++;
        total += entry.originalSize;
        if (entries > ZIP_LIMITS.entries) {
          throw new InputError(
            'files',
            `${archive}: more than ${ZIP_LIMITS.entries} files in the zip`,
          );
        }
        if (total > ZIP_LIMITS.totalBytes) {
          throw new InputError(
            'files',
            `${archive}: unpacks to more than ${ZIP_LIMITS.totalBytes / 1024 / 1024} MB`,
          );
        }
        return true;
      },
    });
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(
      'files',
      `${archive}: not a readable zip archive (${(e as Error).message})`,
    );
  }
  return Object.entries(files)
    .filter(([, data]) => data.length > 0)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, data]) => ({ name: `${archive}/${name}`, buffer: Buffer.from(data) }));
}
