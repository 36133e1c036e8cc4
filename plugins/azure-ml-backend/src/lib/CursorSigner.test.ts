import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { CursorSigner } from './CursorSigner';

process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING ??=
  'postgresql://postgres@127.0.0.1:5432';
const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

jest.setTimeout(60_000);

describe.each(databases.eachSupportedId())('CursorSigner on %s', id => {
  it('gives every replica on one database the same key, made once', async () => {
    const knex = await databases.init(id);
    // The schema is there (one replica migrated); two replicas then start at the same time.
    await knex.migrate.latest({
      directory: resolvePackagePath(
        '@internal/plugin-azure-ml-backend',
        'migrations',
      ),
      tableName: 'azure_ml_knex_migrations',
    });
    const replica = mockServices.database({
      knex,
      migrations: { skip: true },
    });
    const [first, second] = await Promise.all([
      CursorSigner.fromDatabase(replica),
      CursorSigner.fromDatabase(replica),
    ]);
    const later = await CursorSigner.fromDatabase(
      mockServices.database({ knex }),
    );
    const token = first.sign('{"q":"x"}');
    expect(second.verify(token)).toBe('{"q":"x"}');
    expect(later.verify(token)).toBe('{"q":"x"}');
    expect(
      Number((await knex('azure_ml_secrets').count({ n: '*' }))[0].n),
    ).toBe(1);
  });

  it('refuses tokens of another key, tampered tokens and garbage', async () => {
    const signer = await CursorSigner.fromDatabase(
      mockServices.database({ knex: await databases.init(id) }),
    );
    const other = CursorSigner.withKey(Buffer.alloc(32, 9));
    const token = signer.sign('payload');
    expect(signer.verify(other.sign('payload'))).toBeUndefined();
    expect(signer.verify(`${token}x`)).toBeUndefined();
    expect(
      signer.verify(
        `${Buffer.from('other').toString('base64url')}.${token.split('.')[1]}`,
      ),
    ).toBeUndefined();
    expect(signer.verify('garbage')).toBeUndefined();
    expect(signer.verify('')).toBeUndefined();
  });
});
