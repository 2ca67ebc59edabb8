import * as path from 'path';
import { BodyTooLargeError, InputError } from '../common/errors';
import {
  runInWorker,
  tooHeavyToRead,
  WorkerResourceError,
  WorkerTaskError,
  type WorkerLimits,
} from '../common/worker-pool';
import { reasonKey, type Speaker } from '../transcripts/transcript';
import type { ImportFile, ImportOptions } from './import.service';
import type { ImportOptionsDto } from './dto/import-options.dto';
import { FieldMappingError, parseFieldMapping, type FieldMapping } from './source-fields';
import {
  unpackUploads,
  UploadLimitError,
  ZipReadError,
  type UnpackedFile,
  type UnpackLimits,
  type UploadItem,
} from './zip-archive';

export interface UploadedFileLike {
  originalname: string;
  buffer: Buffer;
}

const SIDECAR = /\.meta\.json$/i;
const ZIP = /\.zip$/i;
const UNZIP_WORKER = path.join(__dirname, 'unzip.worker');
/** Inflated bytes live outside the worker's heap; the heap only holds the bookkeeping. */
const UNZIP_WORKER_LIMITS: WorkerLimits = { maxHeapMb: 256, timeoutMs: 120_000 };

/**
 * Turns uploaded files into import files: a `<name>.meta.json` uploaded beside `<name>` is that
 * file's sidecar rather than a transcript of its own. A zip holds a batch of its own: its files
 * (and sidecars) join the others. Every file of the request, zip contents included, counts
 * against one budget (`limits`); over it, the whole request is refused with a 413 naming the file
 * where the limit was crossed, before anything is imported. A file inside a zip larger than one
 * upload may be (`limits.fileBytes`) is not unpacked past it and fails on its own (`refused`),
 * like an uploaded file of that size; so does the file whose sidecar it is.
 */
export async function toImportBatch(
  files: UploadedFileLike[] | undefined,
  limits: UnpackLimits,
): Promise<ImportFile[]> {
  if (!files || files.length === 0) throw new InputError('files', 'choose at least one file');
  const uploads = files.map((f) => ({ name: decodeName(f.originalname), buffer: f.buffer }));
  const items: UploadItem[] = uploads.map(({ name, buffer }) =>
    ZIP.test(name) ? { name, zip: buffer } : { name, size: buffer.length },
  );
  const unpacked = await unpack(items, limits);
  const expanded = uploads.flatMap(
    (upload, i) =>
      unpacked[i]?.map((f) => ({
        name: f.name,
        buffer: Buffer.from(f.bytes.buffer, f.bytes.byteOffset, f.bytes.byteLength),
        tooLarge: f.tooLarge ?? false,
      })) ?? [{ ...upload, tooLarge: false }],
  );
  const byName = new Map(expanded.map((f) => [f.name, f] as const));
  const batch: ImportFile[] = [];
  for (const [name, file] of byName) {
    if (SIDECAR.test(name) && byName.has(name.replace(SIDECAR, ''))) continue;
    const sidecar = byName.get(`${name}.meta.json`);
    const limit = `${Math.floor((limits.fileBytes / 1024 / 1024) * 10) / 10} MB`;
    const refused = file.tooLarge
      ? {
          reason: tooLargeInZip(limit),
          messageKey: reasonKey('tooLargeInZip', { limit }),
        }
      : sidecar?.tooLarge
        ? {
            reason: `its sidecar ${sidecar.name} ${tooLargeInZip(limit)}`,
            messageKey: reasonKey('sidecarTooLargeInZip', { sidecar: sidecar.name, limit }),
          }
        : undefined;
    batch.push({
      name,
      bytes: file.buffer,
      sidecar: sidecar?.buffer,
      ...(refused ? { refused } : {}),
    });
  }
  return batch;
}

/** Why a file inside a zip over `fileBytes` fails (English, like the parsers' reasons). */
function tooLargeInZip(mb: string): string {
  return `unpacks to more than ${mb}, the limit for one file (MAX_UPLOAD_MB); it was not unpacked further`;
}

export function toImportOptions(dto: ImportOptionsDto, fileCount: number): ImportOptions {
  if (dto.externalId && fileCount > 1) {
    throw new InputError('externalId', 'a call id can only be given when importing one file');
  }
  return {
    agentExternalId: dto.agent || undefined,
    externalId: dto.externalId || undefined,
    source: dto.source || undefined,
    channel: dto.channel,
    language: dto.language,
    format: dto.format,
    speakerMap: dto.speakers ? parseSpeakerMap(dto.speakers) : undefined,
    mapping: dto.mapping ? readMapping('mapping', dto.mapping) : undefined,
  };
}

/** A mapping given in a form field: a bad one is a 400 naming the key, the line and why. */
export function readMapping(name: string, text: string): FieldMapping {
  try {
    return parseFieldMapping(name, text);
  } catch (e) {
    if (!(e instanceof FieldMappingError)) throw e;
    const line = e.line === undefined ? '' : ` (line ${e.line})`;
    throw new InputError('mapping', `${e.key}${line}: ${e.reason}`);
  }
}

/** `spk_0=agent, spk_1=customer` → { spk_0: 'agent', spk_1: 'customer' }. */
export function parseSpeakerMap(text: string): Record<string, Speaker> {
  const map: Record<string, Speaker> = {};
  for (const pair of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [name, role] = pair.split('=').map((p) => p.trim());
    if (!name || !role || !['agent', 'customer', 'system'].includes(role)) {
      throw new InputError(
        'speakers',
        `"${pair}" is not <speaker>=agent|customer|system (e.g. spk_0=agent,spk_1=customer)`,
      );
    }
    map[name] = role as Speaker;
  }
  return map;
}

/** Zips are inflated in a worker thread; a request without one is only counted. */
async function unpack(items: UploadItem[], limits: UnpackLimits) {
  const zips = items.filter((i) => 'zip' in i).map((i) => i.name);
  try {
    if (zips.length === 0) return unpackUploads(items, limits);
    return await runInWorker<(UnpackedFile[] | null)[]>(
      UNZIP_WORKER,
      { items, limits },
      UNZIP_WORKER_LIMITS,
    );
  } catch (e) {
    throw refusal(e, zips.join(', '));
  }
}

/** The pure code's errors (thrown here or in the worker) as the answers a user sees. */
function refusal(e: unknown, zips: string): unknown {
  const fromWorker = e instanceof WorkerTaskError;
  const name = fromWorker ? e.errorName : (e as Error | undefined)?.name;
  const data = (fromWorker ? e.data : e) as Partial<UploadLimitError & ZipReadError>;
  if (name === 'UploadLimitError') {
    const { file = '', limit, max = 0 } = data;
    return limit === 'files'
      ? new BodyTooLargeError(
          `${file}: this upload holds more than ${max} files (MAX_IMPORT_FILES); nothing was imported`,
          { key: 'error.uploadTooManyFiles', params: { file, max: String(max) } },
          'files',
        )
      : new BodyTooLargeError(
          `${file}: the files of this upload unpack to more than ${max / 1024 / 1024} MB (MAX_UNPACKED_MB); nothing was imported`,
          {
            key: 'error.uploadUnpacksTooLarge',
            params: { file, max: String(Math.floor(max / 1024 / 1024)) },
          },
          'files',
        );
  }
  if (name === 'ZipReadError') {
    return new InputError(
      'files',
      `${data.archive}: not a readable zip archive (${String(data.reason).slice(0, 200)})`,
    );
  }
  if (e instanceof WorkerResourceError)
    return tooHeavyToRead(zips, e, UNZIP_WORKER_LIMITS, 'files');
  return e;
}

/** Multer hands over names as latin1; browsers send UTF-8 (Korean file names). */
function decodeName(name: string): string {
  const decoded = Buffer.from(name, 'latin1').toString('utf8');
  return decoded.includes('\ufffd') ? name : decoded;
}
