import { InputError } from '../common/errors';
import type { Speaker } from '../transcripts/transcript';
import type { ImportFile, ImportOptions } from './import.service';
import type { ImportOptionsDto } from './dto/import-options.dto';
import { unzipUpload } from './zip-archive';

export interface UploadedFileLike {
  originalname: string;
  buffer: Buffer;
}

const SIDECAR = /\.meta\.json$/i;
const ZIP = /\.zip$/i;

/**
 * Turns uploaded files into import files: a `<name>.meta.json` uploaded beside `<name>` is that
 * file's sidecar rather than a transcript of its own.
 */
export function toImportBatch(files: UploadedFileLike[] | undefined): ImportFile[] {
  if (!files || files.length === 0) throw new InputError('files', 'choose at least one file');
  // A zip holds a batch of its own: its files (and sidecars) join the others.
  const expanded = files.flatMap((f) => {
    const name = decodeName(f.originalname);
    return ZIP.test(name) ? unzipUpload(name, f.buffer) : [{ name, buffer: f.buffer }];
  });
  const byName = new Map(expanded.map((f) => [f.name, f] as const));
  const batch: ImportFile[] = [];
  for (const [name, file] of byName) {
    if (SIDECAR.test(name) && byName.has(name.replace(SIDECAR, ''))) continue;
    batch.push({ name, bytes: file.buffer, sidecar: byName.get(`${name}.meta.json`)?.buffer });
  }
  return batch;
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
  };
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

/** Multer hands over names as latin1; browsers send UTF-8 (Korean file names). */
function decodeName(name: string): string {
  const decoded = Buffer.from(name, 'latin1').toString('utf8');
  return decoded.includes('\ufffd') ? name : decoded;
}
