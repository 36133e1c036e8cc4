import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

/** The plugin's database client, with the plugin's knex migrations (`migrations/`) applied. */
export async function migratedClient(database: DatabaseService): Promise<Knex> {
  const db = await database.getClient();
  if (!database.migrations?.skip) {
    await db.migrate.latest({
      directory: resolvePackagePath(
        '@internal/plugin-azure-ml-backend',
        'migrations',
      ),
      tableName: 'azure_ml_knex_migrations',
    });
  }
  return db;
}
