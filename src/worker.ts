/**
 * `npm run worker`: a process with no HTTP that runs the background work — the outbox (queue
 * items closed, notices after each evaluation change) and the jobs (pg-boss on PostgreSQL:
 * auto-QA scoring, coaching-plan PDFs, the analytics roll-up's refreshes, the sampling
 * schedule) — beside web instances started with WORKERS=off
 * (or on). On PostgreSQL run as many as you like; on SQLite it is the one process of its file.
 */
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { ConfigError, loadConfig } from './config/app-config';
import { holdSqliteInstanceLock, SqliteInUseError } from './database/sqlite-lock';
import { WORKER_PROCESS_ENV } from './events/background';

async function main(): Promise<void> {
  const { database, logLevel } = loadConfig();
  if (database.type === 'sqlite') await holdSqliteInstanceLock(database.file);
  process.env[WORKER_PROCESS_ENV] = '1';
  const levels = ['error', 'warn', 'log'] as const;
  const app = await NestFactory.createApplicationContext(AppModule, {
    logger:
      logLevel === 'error' ? ['error'] : logLevel === 'warn' ? ['error', 'warn'] : [...levels],
  });
  app.enableShutdownHooks();
  // The background timers do not hold the process open by themselves (unref): this does.
  const alive = setInterval(() => undefined, 60_000);
  const stop = () => clearInterval(alive);
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  Logger.log('worker running: outbox, jobs (auto-QA, PDFs, roll-up, sampling), no HTTP', 'Worker');
}

main().catch((e: unknown) => {
  console.error(e instanceof ConfigError || e instanceof SqliteInUseError ? e.message : e);
  process.exit(1);
});
