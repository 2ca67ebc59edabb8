/**
 * bench/import-formats: 5,000 Amazon Transcribe Call Analytics (Contact Lens) files imported from
 * a folder the way `npm run cli -- import <dir>` does it (read one file, detect, parse, store,
 * next), against the raw sqlite3 prepared-statement insert of the same rows (the import
 * benchmark's baseline), measured in the same run. Prints files/s, turns/s, the ratio, and the
 * peak memory after a fifth of the files and after all of them: streamed, it stays flat.
 * Target: within 3× of the baseline; memory flat in the number of files.
 *   npm run bench:import-formats [-- --files 5000]
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { AppModule } from '../src/app.module';
import { collectTranscriptFiles } from '../src/cli/files';
import { generateDemoContactCenter } from '../src/demo/demo-data';
import { ImportService } from '../src/imports/import.service';
import { parseTranscript } from '../src/transcripts/parse-transcript';
import type { ParsedTranscript } from '../src/transcripts/transcript';
import { freshDatabase, rawInsertBaseline } from './support/raw-insert';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};

/** A demo call as Call Analytics output: role-tagged turns, characteristics, categories. */
function toCallAnalytics(t: ParsedTranscript, i: number): unknown {
  return {
    JobName: `bench-ca-${i}`,
    LanguageCode: t.meta.language === 'en' ? 'en-US' : 'ko-KR',
    Channel: 'VOICE',
    JobStatus: 'COMPLETED',
    Participants: [{ ParticipantRole: 'AGENT' }, { ParticipantRole: 'CUSTOMER' }],
    Transcript: t.turns
      .filter((turn) => turn.speaker !== 'system')
      .map((turn, n) => ({
        Id: `t${n}`,
        Content: turn.text,
        BeginOffsetMillis: turn.startMs,
        EndOffsetMillis: Math.max(turn.endMs, turn.startMs + 1),
        ParticipantRole: turn.speaker === 'agent' ? 'AGENT' : 'CUSTOMER',
        Sentiment: 'NEUTRAL',
      })),
    ConversationCharacteristics: {
      TotalConversationDurationMillis: t.turns[t.turns.length - 1].endMs,
      Interruptions: { TotalCount: 0, TotalTimeMillis: 0, InterruptionsByInterrupter: {} },
      NonTalkTime: { TotalTimeMillis: 0, Instances: [] },
    },
    Categories: { MatchedCategories: [], MatchedDetails: {} },
  };
}

function writeFiles(dir: string, n: number): number {
  fs.mkdirSync(dir, { recursive: true });
  let written = 0;
  for (let seed = 1; written < n; seed++) {
    const center = generateDemoContactCenter({ calls: 500, turnsPerCall: 40, seed });
    for (const call of center.calls) {
      if (written >= n || call.transcript.meta.channel !== 'voice') continue;
      const file = path.join(dir, `ca-${String(written).padStart(5, '0')}.json`);
      fs.writeFileSync(file, JSON.stringify(toCallAnalytics(call.transcript, written)));
      written++;
    }
  }
  return written;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function main() {
  const n = arg('files', 5000);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'qa-bench-formats-'));
  const filesDir = path.join(root, 'files');
  writeFiles(filesDir, n);
  const files = collectTranscriptFiles([filesDir]);

  const ourDir = path.join(root, 'ours');
  await freshDatabase(ourDir);
  Object.assign(process.env, { DATA_DIR: ourDir, LOG_LEVEL: 'error' });
  const app = await NestFactory.createApplicationContext(AppModule, { logger: ['error'] });
  const importer = app.get(ImportService);
  // Retained memory: the heap after a full collection, at a fifth of the files and at the end.
  const retained = () => {
    global.gc?.();
    return process.memoryUsage().heapUsed;
  };
  let peak = process.memoryUsage().rss;
  let peakAtFifth = 0;
  let heapAtFifth = 0;
  let turns = 0;
  const started = process.hrtime.bigint();
  for (const [i, file] of files.entries()) {
    const outcomes = await importer.importFile({ name: file, bytes: fs.readFileSync(file) });
    for (const o of outcomes) {
      if (o.status !== 'imported') throw new Error(`${file}: ${JSON.stringify(o)}`);
      turns += o.turns;
    }
    if (i % 50 === 0) peak = Math.max(peak, process.memoryUsage().rss);
    if (i === Math.floor(files.length / 5)) {
      peakAtFifth = peak;
      heapAtFifth = retained();
    }
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  peak = Math.max(peak, process.memoryUsage().rss);
  const heapAtEnd = retained();
  await app.close();

  const parsed = files.map((f) => parseTranscript(f, fs.readFileSync(f)));
  const base = await rawInsertBaseline(parsed, path.join(root, 'baseline'));
  const ourRate = turns / seconds;
  const baseRate = base.turns / base.seconds;
  console.log(
    `bench/import-formats: ${files.length} Call Analytics files (${turns} turns) from a folder into SQLite, node ${process.version}`,
  );
  console.log(
    `  ours:     detect + parse + import, file by file   ${Math.round(files.length / seconds).toLocaleString('en')} files/s, ${Math.round(ourRate).toLocaleString('en')} turns/s`,
  );
  console.log(
    `  baseline: raw sqlite3 insert of the parsed rows   ${Math.round(files.length / base.seconds).toLocaleString('en')} files/s, ${Math.round(baseRate).toLocaleString('en')} turns/s`,
  );
  console.log(
    `  ratio (baseline/ours): ${(baseRate / ourRate).toFixed(2)}× — target ≤ 3×: ${baseRate / ourRate <= 3 ? 'met' : 'NOT met'}`,
  );
  if (global.gc) {
    console.log(
      `  heap after GC: ${mb(heapAtFifth)} after ${Math.floor(files.length / 5)} files, ${mb(heapAtEnd)} after ${files.length}`,
    );
  }
  console.log(
    `  peak RSS: ${mb(peakAtFifth)} after ${Math.floor(files.length / 5)} files, ${mb(peak)} after ${files.length} (growth ${mb(peak - peakAtFifth)})`,
  );
  fs.rmSync(root, { recursive: true, force: true });
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
