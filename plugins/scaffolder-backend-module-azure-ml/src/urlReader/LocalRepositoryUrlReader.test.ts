import { createMockDirectory } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { pathToFileURL } from 'node:url';
import { LocalRepositoryUrlReader } from './LocalRepositoryUrlReader';

describe('LocalRepositoryUrlReader', () => {
  const root = createMockDirectory({
    content: { 'repo/catalog-info.yaml': 'kind: Component\n' },
  });
  const [{ reader, predicate }] = LocalRepositoryUrlReader.factory({
    config: new ConfigReader({
      azureMl: { scaffolder: { localPublishRoot: root.path } },
    }),
    logger: undefined as any,
    treeResponseFactory: undefined as any,
  });
  const url = (p: string) => pathToFileURL(root.resolve(p)).href;

  it('serves file URLs inside the publish root only', () => {
    expect(predicate(new URL(url('repo/catalog-info.yaml')))).toBe(true);
    expect(predicate(new URL('file:///etc/passwd'))).toBe(false);
    expect(predicate(new URL(`${url('repo')}/../../etc/passwd`))).toBe(false);
    expect(predicate(new URL('https://github.com/o/r'))).toBe(false);
  });

  it('reads a file and searches an exact path', async () => {
    const body = await (
      await reader.readUrl!(url('repo/catalog-info.yaml'))
    ).buffer();
    expect(body.toString()).toBe('kind: Component\n');
    expect(
      (await reader.search(url('repo/catalog-info.yaml'))).files,
    ).toHaveLength(1);
    expect((await reader.search(url('repo/missing.yaml'))).files).toHaveLength(
      0,
    );
  });

  it('answers NotFound for missing files and for paths outside the root', async () => {
    await expect(reader.readUrl!(url('repo/missing.yaml'))).rejects.toThrow(
      /does not exist/,
    );
    await expect(reader.readUrl!('file:///etc/hostname')).rejects.toThrow(
      /outside/,
    );
  });
});
