import * as fs from 'fs';
import * as path from 'path';
import sqlite3 from 'sqlite3';

export class SqliteInUseError extends Error {}

/**
 * One app process per SQLite database. The process holds an exclusive SQLite lock on a small
 * file beside the database (`qa.sqlite.instance`) for as long as it runs: SQLite's locks are
 * the operating system's file locks, so they end with the process however it ends (`kill -9`
 * included) and there is never a stale lock to clean up. A second app process on the same
 * DATA_DIR is refused at start, before it migrates or writes anything. The database file
 * itself stays open to the command line (`npm run cli -- import …` beside the running app).
 * Several app processes need PostgreSQL (README, "Running several instances").
 */
export async function holdSqliteInstanceLock(databaseFile: string): Promise<void> {
  fs.mkdirSync(path.dirname(databaseFile), { recursive: true });
  const lockFile = `${databaseFile}.instance`;
  const pidFile = `${databaseFile}.pid`;
  const db = await open(lockFile);
  try {
    await exec(db, 'PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; COMMIT;');
  } catch (e) {
    await new Promise((resolve) => db.close(resolve));
    if (!String(e).includes('SQLITE_BUSY')) throw e;
    const holder = readPid(pidFile);
    throw new SqliteInUseError(
      `Another app process${holder ? ` (pid ${holder})` : ''} is already running on ${databaseFile}. ` +
        'One app process uses an SQLite database: stop the other one, give this one its own ' +
        'DATA_DIR, or run several instances on PostgreSQL (DATABASE_URL; README, "Running several instances").',
    );
  }
  fs.writeFileSync(pidFile, `${process.pid}\n`);
  held.push(db);
}

/** Kept open (and so locked) until the process ends. */
const held: sqlite3.Database[] = [];

function open(file: string): Promise<sqlite3.Database> {
  return new Promise((resolve, reject) => {
    const db: sqlite3.Database = new sqlite3.Database(file, (e) => (e ? reject(e) : resolve(db)));
  });
}

function exec(db: sqlite3.Database, sql: string): Promise<void> {
  return new Promise((resolve, reject) => db.exec(sql, (e) => (e ? reject(e) : resolve())));
}

function readPid(file: string): number | null {
  try {
    const pid = Number(fs.readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** How often a command waiting for another one's turn looks again. */
const WAIT_POLL_MS = 250;

/**
 * One command-line run at a time on an SQLite database: two imports at once used to meet in
 * SQLite's write lock and the second died (SQLITE_BUSY) having imported nothing. The command
 * holds an exclusive lock on `<database>.cli` until it exits (the operating system ends it with
 * the process, `kill -9` included); a second command waits for it, says so once (`onWait`,
 * with the holder's pid), and then runs whole.
 */
export async function waitForSqliteCommandTurn(
  databaseFile: string,
  onWait: (holderPid: number | null) => void,
): Promise<void> {
  fs.mkdirSync(path.dirname(databaseFile), { recursive: true });
  const lockFile = `${databaseFile}.cli`;
  const pidFile = `${databaseFile}.cli.pid`;
  let told = false;
  for (;;) {
    const db = await open(lockFile);
    try {
      await exec(db, 'PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; COMMIT;');
      fs.writeFileSync(pidFile, `${process.pid}\n`);
      held.push(db);
      return;
    } catch (e) {
      await new Promise((resolve) => db.close(resolve));
      if (!String(e).includes('SQLITE_BUSY')) throw e;
    }
    if (!told) onWait(readPid(pidFile));
    told = true;
    await new Promise((resolve) => setTimeout(resolve, WAIT_POLL_MS));
  }
}
