import {
  createServiceFactory,
  isChildPath,
  UrlReaderService,
  UrlReaderServiceReadTreeResponse,
  UrlReaderServiceReadUrlResponse,
  UrlReaderServiceSearchResponse,
} from '@backstage/backend-plugin-api';
import {
  ReaderFactory,
  ReadTreeResponseFactory,
  urlReaderFactoriesServiceRef,
} from '@backstage/backend-defaults/urlReader';
import { NotFoundError } from '@backstage/errors';
import fs from 'fs-extra';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { resolveLocalPublishRoot } from '../lib/localRepositories';

/**
 * Reads `file://` URLs inside the local publish root (`azureMl.scaffolder.localPublishRoot`)
 * and nowhere else, so that `catalog:register` can register the repositories that
 * `azure-ml:publish:local` creates. Every other file URL stays unreadable.
 */
export class LocalRepositoryUrlReader implements UrlReaderService {
  static factory: ReaderFactory = ({ config, treeResponseFactory }) => {
    const reader = new LocalRepositoryUrlReader(
      resolveLocalPublishRoot(config),
      treeResponseFactory,
    );
    return [{ reader, predicate: (url: URL) => reader.serves(url) }];
  };

  constructor(
    private readonly root: string,
    private readonly treeResponseFactory: ReadTreeResponseFactory,
  ) {}

  serves(url: URL): boolean {
    return (
      url.protocol === 'file:' && isChildPath(this.root, fileURLToPath(url))
    );
  }

  async readUrl(url: string): Promise<UrlReaderServiceReadUrlResponse> {
    const file = this.toPath(url);
    const stat = await fs.stat(file).catch(() => undefined);
    if (!stat?.isFile()) {
      throw new NotFoundError(`${url} does not exist`);
    }
    const buffer = await fs.readFile(file);
    return {
      buffer: async () => buffer,
      stream: () => Readable.from(buffer),
      etag: `${stat.mtimeMs}-${stat.size}`,
      lastModifiedAt: stat.mtime,
    };
  }

  async readTree(url: string): Promise<UrlReaderServiceReadTreeResponse> {
    const dir = this.toPath(url);
    if (!(await fs.pathExists(dir))) {
      throw new NotFoundError(`${url} does not exist`);
    }
    const files = await listFiles(dir);
    return this.treeResponseFactory.fromReadableArray(
      files.map(file => ({
        data: fs.createReadStream(path.join(dir, file)),
        path: file,
      })),
    );
  }

  /** Exact paths only: the catalog searches when a location target contains a glob. */
  async search(url: string): Promise<UrlReaderServiceSearchResponse> {
    const file = this.toPath(url);
    if (!(await fs.pathExists(file))) {
      return { files: [], etag: '' };
    }
    const buffer = await fs.readFile(file);
    return {
      files: [{ url, content: async () => buffer }],
      etag: String((await fs.stat(file)).mtimeMs),
    };
  }

  toString() {
    return `local-repositories{root=${this.root}}`;
  }

  private toPath(url: string): string {
    const parsed = new URL(url);
    if (!this.serves(parsed)) {
      throw new NotFoundError(
        `${url} is outside ${pathToFileURL(this.root).href}`,
      );
    }
    return fileURLToPath(parsed);
  }
}

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await fs.readdir(path.join(dir, prefix), {
    withFileTypes: true,
  })) {
    if (entry.name === '.git') continue;
    const relative = path.posix.join(prefix, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(dir, relative)));
    else if (entry.isFile()) out.push(relative);
  }
  return out;
}

/**
 * Adds {@link LocalRepositoryUrlReader} to the backend's URL readers (install next to the
 * module in `packages/backend`).
 * @public
 */
export const localRepositoriesUrlReader = createServiceFactory({
  service: urlReaderFactoriesServiceRef,
  deps: {},
  async factory() {
    return LocalRepositoryUrlReader.factory;
  },
});
