// The data source the TypeORM CLI uses (`npx typeorm -d dist/ormconfig.js migration:show`).
import { loadConfig } from './src/config/app-config';
import { dataSourceOptions } from './src/database/registry/data-source';
import { DataSource } from 'typeorm';

export default new DataSource(dataSourceOptions(loadConfig()));
