import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { dataSourceOptions, migrate, tuneConnection } from './data-source';
import { DataSource } from 'typeorm';

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => dataSourceOptions(config),
      // The app brings its own schema up to date on start (one instance at a time on
      // PostgreSQL); `npm run migrate` does the same.
      dataSourceFactory: async (options) => {
        const dataSource = await new DataSource(options!).initialize();
        await tuneConnection(dataSource);
        await migrate(dataSource);
        return dataSource;
      },
    }),
  ],
})
export class DatabaseModule {}
