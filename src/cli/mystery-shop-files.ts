import * as fs from 'fs';
import * as path from 'path';
import type { MysteryShopUpload } from '../mystery-shop/mystery-shop.service';

/**
 * The results file, its mapping, and the transcript files the rows may name, looked up beside
 * the results file (a name may include a sub-folder).
 */
export function mysteryShopUploadFromDisk(file: string, mapping?: string): MysteryShopUpload {
  const dir = path.dirname(file);
  const transcripts = new Map<string, Buffer>();
  const walk = (d: string, prefix: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path.join(d, entry.name), rel);
      else if (/\.(json|vtt|srt|txt)$/i.test(entry.name)) {
        transcripts.set(rel, fs.readFileSync(path.join(d, entry.name)));
      }
    }
  };
  walk(dir, '');
  return {
    file: { name: path.basename(file), bytes: fs.readFileSync(file) },
    mapping: mapping
      ? { name: path.basename(mapping), text: fs.readFileSync(mapping, 'utf8') }
      : undefined,
    transcripts,
  };
}
