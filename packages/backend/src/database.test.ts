import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import knexFactory from 'knex';
import { destroyableDatabase } from './__testUtils__/destroyableDatabase';
import {
  ConfigSources,
  FileConfigSource,
  StaticConfigSource,
} from '@backstage/config-loader';
import {
  mockCredentials,
  startTestBackend,
  TestBackend,
} from '@backstage/backend-test-utils';
import {
  createServiceFactory,
  coreServices,
} from '@backstage/backend-plugin-api';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { JsonObject } from '@backstage/types';

/*
 * The portal's two database paths, for real: the embedded default (SQLite files on disk,
 * app-config.yaml) and production (PostgreSQL from app-config.production.yaml, pointed at the
 * server on 127.0.0.1:5432 through the same POSTGRES_* variables a deployment sets).
 */
const repoRoot = path.resolve(__dirname, '../../..');
const pgEnv: Record<string, string> = {
  POSTGRES_HOST: process.env.POSTGRES_HOST ?? '127.0.0.1',
  POSTGRES_PORT: process.env.POSTGRES_PORT ?? '5432',
  POSTGRES_USER: process.env.POSTGRES_USER ?? 'postgres',
  POSTGRES_PASSWORD: process.env.POSTGRES_PASSWORD ?? '',
};

async function loadDatabaseConfig(file: string): Promise<JsonObject> {
  const source = FileConfigSource.create({
    path: path.join(repoRoot, file),
    substitutionFunc: async name => pgEnv[name] ?? `unset-${name}`,
  });
  const config = await ConfigSources.toConfig(source);
  const database = config.get<JsonObject>('backend.database');
  config.close();
  return database;
}

async function startCatalog(database: JsonObject) {
  const configSource = ConfigSources.merge([
    StaticConfigSource.create({
      data: {
        backend: { baseUrl: 'http://localhost:7007', database },
        catalog: {
          rules: [{ allow: ['Component', 'System', 'Group', 'User'] }],
          locations: [
            {
              type: 'file',
              target: path.join(repoRoot, 'examples/entities.yaml'),
            },
            { type: 'file', target: path.join(repoRoot, 'examples/org.yaml') },
          ],
          processingInterval: { seconds: 1 },
        },
      },
    }),
  ]);
  // backend-defaults' database service, whose SQLite pools the stop below also destroys.
  const databaseService = destroyableDatabase();
  const backend = await startTestBackend({
    features: [
      catalogPlugin,
      createServiceFactory({
        service: coreServices.rootConfig,
        deps: {},
        factory: () => ConfigSources.toConfig(configSource),
      }),
      databaseService.factory,
    ],
  });
  return {
    server: backend.server,
    async stop() {
      await backend.stop();
      await databaseService.destroy();
    },
  };
}

async function waitForEntity(server: TestBackend['server'], ref: string) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const res = await request(server)
      .get(`/api/catalog/entities/by-name/${ref}`)
      .set('Authorization', mockCredentials.user.header());
    if (res.status === 200 || Date.now() > deadline) {
      return res;
    }
    await new Promise(r => setTimeout(r, 250));
  }
}

jest.setTimeout(60_000);

describe('backend database paths', () => {
  const prefix = `aml_test_${process.pid}_${Date.now()}_`;

  afterAll(async () => {
    const admin = knexFactory({
      client: 'pg',
      connection: { ...pgConnection(), database: 'postgres' },
    });
    const { rows } = await admin.raw(
      `select datname from pg_database where datname like ?`,
      [`${prefix}%`],
    );
    for (const { datname } of rows) {
      await admin.raw(`drop database if exists "${datname}" with (force)`);
    }
    await admin.destroy();
  });

  it('production config reaches PostgreSQL and the catalog ingests the examples there', async () => {
    const database = await loadDatabaseConfig('app-config.production.yaml');
    expect(database.client).toBe('pg');
    const backend = await startCatalog({ ...database, prefix });
    const res = await waitForEntity(
      backend.server,
      'component/default/taxi-fare',
    );
    expect(res.status).toBe(200);
    expect(res.body.metadata.annotations['ml.azure.com/models']).toBe(
      'taxi-fare-model',
    );
    await backend.stop();

    const admin = knexFactory({
      client: 'pg',
      connection: { ...pgConnection(), database: `${prefix}catalog` },
    });
    const rows = await admin('final_entities').count({ n: '*' });
    expect(Number(rows[0].n)).toBeGreaterThan(0);
    await admin.destroy();
  });

  it('embedded default keeps the catalog in SQLite files on disk after the backend stops', async () => {
    const database = await loadDatabaseConfig('app-config.yaml');
    expect(database.client).toBe('better-sqlite3');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aml-sqlite-'));
    const onDisk = { ...database, connection: { directory: dir } };

    const first = await startCatalog(onDisk);
    expect(
      (await waitForEntity(first.server, 'component/default/taxi-fare')).status,
    ).toBe(200);
    await first.stop();
    expect(fs.readdirSync(dir)).toContain('catalog.sqlite');

    // The records are in the file once the backend is gone: what the next start reads.
    const db = knexFactory({
      client: 'better-sqlite3',
      connection: { filename: path.join(dir, 'catalog.sqlite') },
      useNullAsDefault: true,
    });
    const [row] = await db('final_entities')
      .where('final_entity', 'like', '%"name":"taxi-fare"%')
      .count({ n: '*' });
    await db.destroy();
    expect(Number(row.n)).toBeGreaterThan(0);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

function pgConnection() {
  return {
    host: pgEnv.POSTGRES_HOST,
    port: Number(pgEnv.POSTGRES_PORT),
    user: pgEnv.POSTGRES_USER,
    password: pgEnv.POSTGRES_PASSWORD,
  };
}
