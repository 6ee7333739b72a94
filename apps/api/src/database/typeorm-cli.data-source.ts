import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { resolveDatabase } from './resolve-database';
import { validateEnv } from '../config/env';
import { dataSourceOptions } from './database-options';

/**
 * For the TypeORM CLI (`npm run typeorm -- migration:generate migrations/Name`):
 * the same options as the app, on DATABASE_URL or the embedded database.
 */
export const dataSource: Promise<DataSource> = (async () => {
  const env = validateEnv(process.env);
  const { target, embedded } = await resolveDatabase(env);
  const source = new DataSource(dataSourceOptions(target));
  const destroy = source.destroy.bind(source);
  source.destroy = async () => {
    await destroy();
    await embedded?.stop();
  };
  return source;
})();
