import type { DataSourceOptions } from 'typeorm';
import { migrations } from '../../migrations/index.js';

/**
 * The connection and the migrations. Entities are not listed here: each
 * module registers its own (TypeOrmModule.forFeature) and the app loads them
 * (autoLoadEntities), so database/ depends on no domain module.
 */
export function dataSourceOptions(url: string, extra: Partial<DataSourceOptions> = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    migrations,
    synchronize: false,
    migrationsTransactionMode: 'each',
    extra: { max: 20 },
    ...extra,
  } as DataSourceOptions;
}
