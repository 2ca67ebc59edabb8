import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { checkKey, FileStore } from './file-store';

/** Files under a folder (DATA_DIR): one machine, one app process (SQLite). */
export class FsFileStore implements FileStore {
  constructor(private readonly root: string) {}

  async put(key: string, bytes: Buffer): Promise<void> {
    const file = this.file(key);
    await fs.promises.mkdir(path.dirname(file), { recursive: true });
    // Written aside, then renamed: a reader never sees half a file.
    const partial = `${file}.${randomBytes(6).toString('hex')}.partial`;
    await fs.promises.writeFile(partial, bytes);
    await fs.promises.rename(partial, file);
  }

  async get(key: string): Promise<Buffer | null> {
    return fs.promises.readFile(this.file(key)).catch(absent);
  }

  async take(key: string): Promise<Buffer | null> {
    const file = this.file(key);
    // rename is atomic: of several takers only one moves the file away.
    const taken = `${file}.${randomBytes(6).toString('hex')}.taken`;
    try {
      await fs.promises.rename(file, taken);
    } catch (e) {
      return absent(e);
    }
    const bytes = await fs.promises.readFile(taken);
    await fs.promises.rm(taken, { force: true });
    return bytes;
  }

  async delete(key: string): Promise<void> {
    await fs.promises.rm(this.file(key), { force: true });
  }

  private file(key: string): string {
    return path.join(this.root, ...checkKey(key).split('/'));
  }
}

function absent(e: unknown): null {
  if ((e as { code?: string }).code === 'ENOENT') return null;
  throw e;
}
