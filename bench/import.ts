/**
 * bench/import: 2,000 WebVTT calls of 60 turns imported into SQLite through the real import path
 * (parse, validate, match the agent, one transaction per call), against a baseline measured in
 * the same run: the same rows inserted with a raw sqlite3 prepared statement in one transaction.
 * Target: ≥ 20,000 turns/s and within 3× of the baseline.
 *   npm run bench:import [-- --calls 2000 --turns 60]
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { AppModule } from '../src/app.module';
import { loadConfig } from '../src/config/app-config';
import { generateDemoContactCenter, renderWebVtt } from '../src/demo/demo-data';
import { ImportService } from '../src/imports/import.service';
import { parseTranscript } from '../src/transcripts/parse-transcript';
import { freshDatabase, rawInsertBaseline } from './support/raw-insert';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

interface File {
  name: string;
  bytes: Buffer;
  agent: string;
}

function makeFiles(calls: number, turns: number): File[] {
  const center = generateDemoContactCenter({ calls, turnsPerCall: turns, seed: 7 });
  return center.calls.map((c, i) => ({
    name: `bench-${String(i).padStart(5, '0')}.vtt`,
    bytes: Buffer.from(renderWebVtt(c.transcript)),
    agent: c.transcript.meta.agentExternalId ?? 'A-001',
  }));
}

async function ours(files: File[], dir: string): Promise<{ seconds: number; turns: number }> {
  await freshDatabase(dir);
  process.env.DATA_DIR = dir;
  process.env.LOG_LEVEL = 'error';
  const app = await NestFactory.createApplicationContext(AppModule, { logger: ['error'] });
  const importer = app.get(ImportService);
  let turns = 0;
  const started = process.hrtime.bigint();
  for (const f of files) {
    const [outcome] = await importer.importFile(
      { name: f.name, bytes: f.bytes },
      { agentExternalId: f.agent },
    );
    if (outcome.status !== 'imported') throw new Error(`${f.name}: ${JSON.stringify(outcome)}`);
    turns += outcome.turns;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await app.close();
  return { seconds, turns };
}

async function main() {
  const calls = arg('calls', 2000);
  const turnsPerCall = arg('turns', 60);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'qa-bench-import-'));
  loadConfig(); // fail fast on a bad environment
  const files = makeFiles(calls, turnsPerCall);
  const bytes = files.reduce((n, f) => n + f.bytes.length, 0);
  console.log(
    `bench/import: ${calls} WebVTT calls × ${turnsPerCall} turns (${(bytes / 1e6).toFixed(1)} MB) into SQLite, ${os.cpus().length} cores, node ${process.version}`,
  );
  const parsed = files.map((f) => parseTranscript(f.name, f.bytes));
  const base = await rawInsertBaseline(parsed, path.join(root, 'baseline'));
  const our = await ours(files, path.join(root, 'ours'));
  const ourRate = our.turns / our.seconds;
  const baseRate = base.turns / base.seconds;
  const ratio = baseRate / ourRate;
  const row = (name: string, r: { seconds: number; turns: number }, rate: number) =>
    `${name.padEnd(46)} ${r.turns} turns in ${r.seconds.toFixed(2)} s = ${Math.round(rate).toLocaleString('en')} turns/s (${Math.round(calls / r.seconds).toLocaleString('en')} calls/s)`;
  console.log(
    row('ours: parse + validate + import, txn per call', our, ourRate) +
      (process.env.AUTOQA === 'off' ? '' : '  [auto-QA on, waits for imports to pause]'),
  );
  console.log(row('baseline: raw sqlite3 prepared stmt, one txn', base, baseRate));
  console.log(
    `ratio (baseline rate / our rate): ${ratio.toFixed(2)}×  — target ≤ 3×; target ≥ 20,000 turns/s: ${ourRate >= 20000 ? 'met' : 'NOT met'}`,
  );
  fs.rmSync(root, { recursive: true, force: true });
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
