/**
 * Files the app keeps between requests (coaching plan PDFs, mystery-shop uploads waiting between
 * the dry run and the commit), where every app instance can read them: in DATA_DIR on a single
 * machine (SQLite), in the database itself when it is PostgreSQL (`stored_files`, bytea), so
 * that an upload previewed on one instance can be committed on another and a PDF rendered once
 * is served by all. Keys are slash-separated names made by the app (`coaching/plan-3-v2.pdf`).
 */
export interface FileStore {
  /** Writes (or replaces) the file. */
  put(key: string, bytes: Buffer): Promise<void>;
  /** The file's bytes; null when there is none. */
  get(key: string): Promise<Buffer | null>;
  /**
   * Reads and removes the file in one step: of several callers at once, exactly one gets the
   * bytes, the others null.
   */
  take(key: string): Promise<Buffer | null>;
  delete(key: string): Promise<void>;
}

export const FILE_STORE = Symbol('FILE_STORE');

const KEY = /^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)*$/i;

/** Keys are made by the app; one that is not a plain relative name is a programming error. */
export function checkKey(key: string): string {
  if (!KEY.test(key) || key.includes('..') || key.length > 200) {
    throw new Error(`not a storage key: ${JSON.stringify(key)}`);
  }
  return key;
}
