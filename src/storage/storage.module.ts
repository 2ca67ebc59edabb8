import { Global, Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { FILE_STORE } from './file-store';
import { FsFileStore } from './fs-file-store';
import { PgFileStore } from './pg-file-store';

/** The file store: in the database on PostgreSQL (several instances), else under DATA_DIR. */
@Global()
@Module({
  providers: [
    {
      provide: FILE_STORE,
      inject: [APP_CONFIG, getDataSourceToken()],
      useFactory: (config: AppConfig, dataSource: DataSource) =>
        config.database.type === 'postgres'
          ? new PgFileStore(dataSource)
          : new FsFileStore(config.dataDir),
    },
  ],
  exports: [FILE_STORE],
})
export class StorageModule {}
