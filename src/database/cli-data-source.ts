import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options.js';

/**
 * For the TypeORM CLI (`npm run migration:generate -- migrations/<Name>`); needs DATABASE_URL of a migrated database.
 * It runs from dist/, so the compiled entity files of every module are found by their path.
 */
if (!process.env.DATABASE_URL) throw new Error('Set DATABASE_URL to a migrated database to generate a migration');
export default new DataSource(dataSourceOptions(process.env.DATABASE_URL, {
  entities: [new URL('../**/entities/*.entity.js', import.meta.url).pathname],
}));
