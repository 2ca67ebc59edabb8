import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { dataSourceOptions, tuneConnection } from './data-source';
import { DataSource } from 'typeorm';

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      // The app brings its own schema up to date on start; `npm run migrate` does the same.
      useFactory: (config: AppConfig) => ({ ...dataSourceOptions(config), migrationsRun: true }),
      dataSourceFactory: async (options) => {
        const dataSource = await new DataSource(options!).initialize();
        await tuneConnection(dataSource);
        return dataSource;
      },
    }),
  ],
})
export class DatabaseModule {}
