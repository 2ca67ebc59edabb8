/**
 * Unpacking uploaded zips within one budget per request. Pure (bytes in, bytes out, no framework);
 * the app runs it in a worker thread (`unzip.worker.ts`) so that inflating never blocks the event
 * loop.
 *
 * The archives are read as a stream (fflate's `Unzip`), fed 16 kB at a time, and the bytes that
 * come out are counted as they come — not taken from the sizes the archive declares, which a
 * crafted zip may fake. The moment the request's files or unpacked bytes go over the limit,
 * reading stops: a zip bomb is inflated no further than the limit (plus one 16 kB chunk's worth,
 * at most ~17 MB).
 */
import { Unzip, UnzipInflate } from 'fflate';

/** Per request, across every uploaded file and everything inside its zips. */
export interface UnpackLimits {
  files: number;
  bytes: number;
}

export const DEFAULT_UNPACK_LIMITS: UnpackLimits = { files: 10_000, bytes: 512 * 1024 * 1024 };

/** An uploaded file: a zip to unpack, or any other file (only its name and size count). */
export type UploadItem = { name: string; zip: Uint8Array } | { name: string; size: number };

export interface UnpackedFile {
  /** `<archive>/<path inside>`. */
  name: string;
  bytes: Uint8Array;
}

/** The request went over a limit at `file` (a plain upload or `<archive>/<path inside>`). */
export class UploadLimitError extends Error {
  constructor(
    readonly file: string,
    readonly limit: 'files' | 'bytes',
    readonly max: number,
  ) {
    super(
      limit === 'files'
        ? `${file}: the upload holds more than ${max} files`
        : `${file}: the upload unpacks to more than ${max / 1024 / 1024} MB`,
    );
    this.name = 'UploadLimitError';
  }
}

export class ZipReadError extends Error {
  constructor(
    readonly archive: string,
    readonly reason: string,
  ) {
    super(`${archive}: not a readable zip archive (${reason})`);
    this.name = 'ZipReadError';
  }
}

const SKIPPED = /(^|\/)(__MACOSX|\.DS_Store|Thumbs\.db)(\/|$)|\/$/;
const CHUNK = 16 * 1024;

/**
 * Counts every item against one budget, in upload order, and unpacks the zips: for each item, the
 * files inside it (zips; folders, macOS metadata and empty files left out, sorted by name) or null
 * (any other file). Throws UploadLimitError naming the file where a limit was crossed, or
 * ZipReadError for a broken archive; then nothing of the request is returned.
 */
export function unpackUploads(
  items: UploadItem[],
  limits: UnpackLimits = DEFAULT_UNPACK_LIMITS,
): (UnpackedFile[] | null)[] {
  const budget = new Budget(limits);
  return items.map((item) => {
    if ('size' in item) {
      budget.addFile(item.name);
      budget.addBytes(item.name, item.size);
      return null;
    }
    return unpackZip(item.name, item.zip, budget).sort((a, b) => a.name.localeCompare(b.name));
  });
}

class Budget {
  private files = 0;
  private bytes = 0;
  constructor(private readonly limits: UnpackLimits) {}

  addFile(name: string): void {
    if (++this.files > this.limits.files)
      throw new UploadLimitError(name, 'files', this.limits.files);
  }

  addBytes(name: string, n: number): void {
    this.bytes += n;
    if (this.bytes > this.limits.bytes)
      throw new UploadLimitError(name, 'bytes', this.limits.bytes);
  }
}

function unpackZip(archive: string, bytes: Uint8Array, budget: Budget): UnpackedFile[] {
  if (!hasDirectoryEnd(bytes)) throw new ZipReadError(archive, 'no zip directory at its end');
  const files: UnpackedFile[] = [];
  // fflate swallows what a callback throws into its own error path: remember the first failure
  // and stop feeding the archive instead.
  let failure: Error | null = null;
  const unzip = new Unzip((entry) => {
    // An entry not started is skipped unread.
    if (failure || SKIPPED.test(entry.name)) return;
    const name = `${archive}/${entry.name}`;
    const chunks: Uint8Array[] = [];
    let size = 0;
    entry.ondata = (err, data, final) => {
      if (failure) return;
      if (err) {
        failure = new ZipReadError(archive, `${entry.name}: ${err.message}`);
        return;
      }
      try {
        budget.addBytes(name, data.length);
      } catch (e) {
        failure = e as Error;
        entry.terminate();
        return;
      }
      if (data.length > 0) chunks.push(data);
      size += data.length;
      if (final && size > 0) files.push({ name, bytes: joined(chunks, size) });
    };
    try {
      budget.addFile(name);
      entry.start();
    } catch (e) {
      failure ??= e instanceof UploadLimitError ? e : new ZipReadError(archive, String(e));
    }
  });
  unzip.register(UnzipInflate);
  try {
    for (let at = 0; at < bytes.length && !failure; at += CHUNK) {
      unzip.push(bytes.subarray(at, at + CHUNK), at + CHUNK >= bytes.length);
    }
  } catch (e) {
    failure ??= new ZipReadError(archive, (e as Error).message);
  }
  if (failure) throw failure;
  return files;
}

/** Always a fresh buffer of its own (a stored entry's chunks are views into the archive). */
function joined(chunks: Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** The end-of-central-directory record within the last 64 kB + 22 bytes: a complete zip. */
function hasDirectoryEnd(bytes: Uint8Array): boolean {
  const stop = Math.max(0, bytes.length - 65_557);
  for (let i = bytes.length - 22; i >= stop; i--) {
    if (
      bytes[i] === 0x50 &&
      bytes[i + 1] === 0x4b &&
      bytes[i + 2] === 0x05 &&
      bytes[i + 3] === 0x06
    ) {
      return true;
    }
  }
  return false;
}
