import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './app.factory';
import { APP_CONFIG, AppConfig, ConfigError, loadConfig } from './config/app-config';
import { holdSqliteInstanceLock, SqliteInUseError } from './database/sqlite-lock';

async function bootstrap(): Promise<void> {
  // One app process per SQLite file; several instances need PostgreSQL (README).
  const { database } = loadConfig();
  if (database.type === 'sqlite') await holdSqliteInstanceLock(database.file);
  const app = await createApp();
  app.enableShutdownHooks();
  const config = app.get<AppConfig>(APP_CONFIG);
  await app.listen(config.port, config.host);
  Logger.log(`QA platform listening on http://localhost:${config.port}`, 'Main');
}

bootstrap().catch((e: unknown) => {
  console.error(e instanceof ConfigError || e instanceof SqliteInUseError ? e.message : e);
  process.exit(1);
});
