/**
 * Unpacking uploaded zips within one budget per request. Pure (bytes in, bytes out; no framework,
 * no file system); the app runs it in a worker thread (`unzip.worker.ts`) so that inflating never
 * blocks the event loop.
 *
 * The archive's structure is read as a stream (fflate's `Unzip`) and each deflated entry is
 * inflated by Node's zlib with `maxOutputLength` set to what is left of the request's budget: the
 * bytes that come out are counted — not the sizes the archive declares, which a crafted zip may
 * fake — and inflating stops at the limit, so a zip bomb is never inflated past it. The request's
 * files and bytes are counted in upload order; the first file over a limit is named.
 *
 * One file inside a zip is also held to the size of one upload (`fileBytes`, MAX_UPLOAD_MB): it
 * is inflated no further than one byte past it and comes back marked `tooLarge`, without its
 * bytes, to fail on its own like an uploaded file of that size; the bytes inflated count.
 */
import { Unzip, type UnzipDecoder } from 'fflate';
import { constants } from 'buffer';
import { constants as zlibConstants, inflateRawSync } from 'zlib';

/** Per request, across every uploaded file and everything inside its zips; and per file inside. */
export interface UnpackLimits {
  files: number;
  bytes: number;
  /** One file inside a zip, unpacked (MAX_UPLOAD_MB). */
  fileBytes: number;
}

export const DEFAULT_UNPACK_LIMITS: UnpackLimits = {
  files: 10_000,
  bytes: 512 * 1024 * 1024,
  fileBytes: 20 * 1024 * 1024,
};

/** An uploaded file: a zip to unpack, or any other file (only its name and size count). */
export type UploadItem = { name: string; zip: Uint8Array } | { name: string; size: number };

export interface UnpackedFile {
  /** `<archive>/<path inside>`. */
  name: string;
  /** Empty when `tooLarge`. */
  bytes: Uint8Array;
  /** It unpacks to more than `limits.fileBytes`: unpacking it stopped there. */
  tooLarge?: true;
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
/** How much of an archive is fed at a time (a stored entry is counted chunk by chunk). */
const CHUNK = 1024 * 1024;
/** zlib's output step: never from Node's shared small-buffer pool, at most 1 GB at a time. */
const MIN_STEP = 64 * 1024;
const MAX_STEP = 1024 * 1024 * 1024;
/** Above glibc's largest mmap threshold (32 MB): see Slabs. */
const SLAB = 64 * 1024 * 1024;

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
  const slabs = new Slabs();
  return items.map((item) => {
    if ('size' in item) {
      budget.addFile(item.name);
      budget.addBytes(item.name, item.size);
      return null;
    }
    return unpackZip(item.name, item.zip, budget, slabs).sort((a, b) =>
      a.name.localeCompare(b.name),
    );
  });
}

class Budget {
  private files = 0;
  private bytes = 0;
  constructor(readonly limits: UnpackLimits) {}

  get bytesLeft(): number {
    return this.limits.bytes - this.bytes;
  }

  addFile(name: string): void {
    if (++this.files > this.limits.files) {
      throw new UploadLimitError(name, 'files', this.limits.files);
    }
  }

  addBytes(name: string, n: number): void {
    this.bytes += n;
    if (this.bytes > this.limits.bytes) this.overBytes(name);
  }

  overBytes(name: string): never {
    throw new UploadLimitError(name, 'bytes', this.limits.bytes);
  }
}

/** What the decoder reports (fflate's error shape) when the output would pass the budget. */
class OverBudget extends Error {
  readonly code = -1;
}

/** What the decoder reports when one entry would pass `fileBytes`: inflated bytes, none kept. */
class EntryTooLarge extends Error {
  readonly code = -2;
  constructor(readonly inflated: number) {
    super('the file is larger than one upload may be');
  }
}

function flateError(e: unknown): Error & { code: number } {
  return Object.assign(new Error(e instanceof Error ? e.message : String(e)), { code: 0 });
}

/**
 * The decoder fflate's `Unzip` uses for deflated entries (method 8): gathers the entry's packed
 * bytes, then inflates them natively, never to more than the budget has left or one byte past
 * `fileBytes`, whichever is less. The size the archive declares only sizes zlib's output steps:
 * an honest entry comes out in one step, a lying one in more; either is then copied into the
 * request's slabs (see Slabs) and zlib's output dropped.
 */
function inflateWithin(budget: Budget) {
  return class NativeInflate implements UnzipDecoder {
    static readonly compression = 8;
    ondata: UnzipDecoder['ondata'] = () => undefined;
    private readonly packed: Uint8Array[] = [];

    constructor(
      _name: string,
      _size?: number,
      private readonly declared?: number,
    ) {}

    push(chunk: Uint8Array, final: boolean): void {
      if (chunk.length > 0) this.packed.push(chunk);
      if (!final) return;
      const overBudget = Math.max(1, budget.bytesLeft + 1);
      const overEntry = budget.limits.fileBytes + 1;
      const maxOutputLength = Math.min(overBudget, overEntry, constants.MAX_LENGTH);
      const guess = (this.declared ?? 0) > 0 ? this.declared! + 1 : 1024 * 1024;
      let out: Buffer;
      try {
        out = inflateRawSync(Buffer.concat(this.packed), {
          maxOutputLength,
          // zlib takes no step under Z_MIN_CHUNK (64 bytes), even when the budget has less left.
          chunkSize: Math.max(
            zlibConstants.Z_MIN_CHUNK,
            Math.min(Math.max(guess, MIN_STEP), maxOutputLength, MAX_STEP),
          ),
        });
      } catch (e) {
        const stopped = (e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';
        const error = !stopped
          ? flateError(e)
          : overEntry < overBudget
            ? new EntryTooLarge(overEntry)
            : new OverBudget();
        this.ondata(error, new Uint8Array(0), true);
        return;
      }
      this.ondata(
        null,
        new Uint8Array(out.buffer as ArrayBuffer, out.byteOffset, out.length),
        true,
      );
    }
  };
}

/**
 * Where the unpacked files of one request are kept: copied one after another into slabs of at
 * least SLAB bytes. glibc always maps an allocation that large on its own (its mmap threshold
 * rises to at most 32 MB), so a slab goes back to the system once freed — after the import, or
 * when a worker that failed is ended. Files of a few MB allocated one by one come from the
 * allocator's arenas instead, which keep the memory after a large upload (bench/upload-bomb:
 * 40 files of 16 MB left the app at 535–629 MB 10 s after a 413; with slabs 345–363 MB, for a
 * higher peak while zlib's outputs wait to be collected). A slab's pages not written to are never
 * resident.
 */
class Slabs {
  private slab: Uint8Array | null = null;
  private at = 0;

  /** The chunks, one after another, as a view into a slab. */
  place(chunks: Uint8Array[], size: number): Uint8Array {
    if (!this.slab || this.at + size > this.slab.length) {
      this.slab = new Uint8Array(Math.max(SLAB, size));
      this.at = 0;
    }
    const out = this.slab.subarray(this.at, this.at + size);
    let at = 0;
    for (const c of chunks) {
      out.set(c, at);
      at += c.length;
    }
    this.at += size;
    return out;
  }
}

function unpackZip(
  archive: string,
  bytes: Uint8Array,
  budget: Budget,
  slabs: Slabs,
): UnpackedFile[] {
  if (!hasDirectoryEnd(bytes)) throw new ZipReadError(archive, 'no zip directory at its end');
  const files: UnpackedFile[] = [];
  // fflate swallows what a callback throws into its own error path: remember the first failure
  // and stop feeding the archive instead.
  const state: { failure: Error | null } = { failure: null };
  const fail = (e: unknown) => {
    state.failure ??= e instanceof Error ? e : new Error(String(e));
  };
  const unzip = new Unzip((entry) => {
    // An entry not started is skipped unread.
    if (state.failure || SKIPPED.test(entry.name)) return;
    const name = `${archive}/${entry.name}`;
    const chunks: Uint8Array[] = [];
    let size = 0;
    let tooLarge = false;
    entry.ondata = (err, data, final) => {
      if (state.failure) return;
      try {
        if (err instanceof OverBudget) budget.overBytes(name);
        if (err instanceof EntryTooLarge) {
          budget.addBytes(name, err.inflated);
          files.push({ name, bytes: new Uint8Array(0), tooLarge: true });
          return;
        }
        if (err) throw new ZipReadError(archive, `${entry.name}: ${err.message}`);
        // A stored entry comes in chunks (views of the archive): past `fileBytes` the rest of
        // it is passed over, neither kept nor counted.
        if (tooLarge) return;
        if (size + data.length > budget.limits.fileBytes) {
          tooLarge = true;
          chunks.length = 0;
          budget.addBytes(name, budget.limits.fileBytes + 1 - size);
          files.push({ name, bytes: new Uint8Array(0), tooLarge: true });
          return;
        }
        budget.addBytes(name, data.length);
      } catch (e) {
        return fail(e);
      }
      if (data.length > 0) chunks.push(data);
      size += data.length;
      if (final && size > 0) {
        files.push({ name, bytes: slabs.place(chunks, size) });
      }
    };
    try {
      budget.addFile(name);
      entry.start();
    } catch (e) {
      fail(e instanceof UploadLimitError ? e : new ZipReadError(archive, String(e)));
    }
  });
  unzip.register(inflateWithin(budget));
  try {
    for (let at = 0; at < bytes.length && !state.failure; at += CHUNK) {
      unzip.push(bytes.subarray(at, at + CHUNK), at + CHUNK >= bytes.length);
    }
  } catch (e) {
    fail(new ZipReadError(archive, (e as Error).message));
  }
  if (state.failure) throw state.failure;
  return files;
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
