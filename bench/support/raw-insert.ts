/** What the import benchmarks share: a fresh migrated SQLite file and the raw-insert baseline. */
import * as fs from 'fs';
import * as path from 'path';
import sqlite3 from 'sqlite3';
import { openDataSource } from '../../src/database/registry/data-source';
import type { ParsedTranscript } from '../../src/transcripts/transcript';

export async function freshDatabase(dir: string): Promise<string> {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'qa.sqlite');
  const ds = await openDataSource({ database: { type: 'sqlite', file } });
  await ds.runMigrations();
  await ds.destroy();
  return file;
}

function run(db: sqlite3.Database, sql: string, params: unknown[] = []): Promise<number> {
  return new Promise((resolve, reject) =>
    db.run(sql, params, function (this: sqlite3.RunResult, err: Error | null) {
      if (err) reject(err);
      else resolve(this.lastID);
    }),
  );
}

function stepStatement(stmt: sqlite3.Statement, params: unknown[]): Promise<void> {
  return new Promise((resolve, reject) =>
    stmt.run(params, (err: Error | null) => (err ? reject(err) : resolve())),
  );
}

/** The same rows, already parsed, through one prepared statement in one transaction. */
export async function rawInsertBaseline(
  parsed: ParsedTranscript[],
  dir: string,
): Promise<{ seconds: number; turns: number }> {
  const file = await freshDatabase(dir);
  const db = new sqlite3.Database(file);
  await run(db, 'PRAGMA journal_mode = WAL');
  await run(db, 'PRAGMA synchronous = NORMAL');
  await run(db, "INSERT INTO agents (externalId, name) VALUES ('A-BENCH', 'bench')");
  const insertTurn = db.prepare(
    'INSERT INTO turns (interactionId, seq, speaker, startMs, endMs, text) VALUES (?, ?, ?, ?, ?, ?)',
  );
  let turns = 0;
  const started = process.hrtime.bigint();
  await run(db, 'BEGIN');
  for (const [i, t] of parsed.entries()) {
    const id = await run(
      db,
      'INSERT INTO interactions (source, externalId, channel, language, agentId, startedAt, durationMs, turnCount) VALUES (?, ?, ?, ?, 1, ?, ?, ?)',
      ['bench', `raw-${i}`, 'voice', 'ko', new Date().toISOString(), 0, t.turns.length],
    );
    for (const [seq, turn] of t.turns.entries()) {
      await stepStatement(insertTurn, [id, seq, turn.speaker, turn.startMs, turn.endMs, turn.text]);
      turns++;
    }
  }
  await run(db, 'COMMIT');
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await new Promise<void>((resolve) => insertTurn.finalize(() => resolve()));
  await new Promise<void>((resolve) => db.close(() => resolve()));
  return { seconds, turns };
}
