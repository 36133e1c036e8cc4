import { CursorSigner } from '../../lib/CursorSigner';
import { encodeCursor, PagedSource, readMergedPage } from './pagedMerge';

const signer = CursorSigner.withKey(Buffer.alloc(32, 1));

interface Item {
  id: string;
  createdAt: string;
}

/** A source over a fixed list served in ARM pages of `pageSize`, counting reads. */
function source(key: string, times: number[], pageSize: number) {
  const items = times.map(t => ({
    id: `${key}${t}`,
    createdAt: new Date(t * 1000).toISOString(),
  }));
  const reads: string[] = [];
  const result: PagedSource<Item> & { reads: string[] } = {
    key,
    reads,
    isOwnLink: link => link.startsWith(`https://arm/${key}?`),
    load: async link => {
      reads.push(link ?? 'first');
      const start = link ? Number(new URL(link).searchParams.get('skip')) : 0;
      const end = start + pageSize;
      return {
        items: items.slice(start, end),
        nextLink:
          end < items.length ? `https://arm/${key}?skip=${end}` : undefined,
      };
    },
  };
  return result;
}

const newest = (a: Item, b: Item) => b.createdAt.localeCompare(a.createdAt);

async function readAll(
  sources: PagedSource<Item>[],
  limit: number,
  accept?: (item: Item) => boolean,
) {
  const pages: string[][] = [];
  let cursor: string | undefined;
  do {
    const page = await readMergedPage({
      query: 'q',
      sources,
      cursor,
      limit,
      compare: newest,
      accept,
      signer,
    });
    pages.push(page.items.map(i => i.id));
    cursor = page.nextCursor;
  } while (cursor && pages.length < 50);
  return pages;
}

describe('readMergedPage', () => {
  it('pages one source exactly, newest first, one ARM read per page', async () => {
    const a = source('a', [9, 8, 7, 6, 5], 2);
    expect(await readAll([a], 2)).toEqual([['a9', 'a8'], ['a7', 'a6'], ['a5']]);
    expect(a.reads).toHaveLength(3);
  });

  it('merges sources in global order without duplicates or gaps', async () => {
    const a = source('a', [10, 7, 6, 1], 3);
    const b = source('b', [9, 8, 5, 4, 3, 2], 3);
    const pages = await readAll([a, b], 3);
    expect(pages.flat()).toEqual([
      'a10',
      'b9',
      'b8',
      'a7',
      'a6',
      'b5',
      'b4',
      'b3',
      'b2',
      'a1',
    ]);
    expect(pages.every(p => p.length <= 3)).toBe(true);
  });

  it('filters, following pages until something matches', async () => {
    const a = source('a', [9, 8, 7, 6, 5, 4], 2);
    const pages = await readAll([a], 10, item => item.id === 'a5');
    expect(pages.flat()).toEqual(['a5']);
  });

  it('answers an empty list without a cursor', async () => {
    const a = source('a', [], 5);
    expect(
      await readMergedPage({
        query: 'q',
        sources: [a],
        limit: 5,
        compare: newest,
        signer,
      }),
    ).toEqual({ items: [], nextCursor: undefined });
  });

  it('rejects forged, tampered, foreign and malformed cursors', async () => {
    const a = source('a', [3, 2, 1], 1);
    const unsigned = Buffer.from(
      JSON.stringify({
        q: 'q',
        s: [{ link: 'https://arm/a?skip=1', offset: 0 }],
      }),
    ).toString('base64url');
    const page = await readMergedPage({
      query: 'q',
      sources: [a],
      limit: 1,
      compare: newest,
      signer,
    });
    const [body, mac] = page.nextCursor!.split('.');
    const payload = Buffer.from(body, 'base64url').toString('utf8');
    // ARM's own link with a bigger page: same prefix, so only the signature tells.
    const tampered = `${Buffer.from(
      payload.replace('skip=1', 'skip=1&top=1000'),
    ).toString('base64url')}.${mac}`;
    const otherKey = encodeCursor(
      CursorSigner.withKey(Buffer.alloc(32, 2)),
      'q',
      [{ link: 'https://arm/a?skip=1', offset: 0 }],
    );
    const foreignLink = encodeCursor(signer, 'q', [
      { link: 'https://evil/a?skip=1', offset: 0 },
    ]);
    for (const [cursor, query, message] of [
      ['%%%', 'q', /Invalid 'cursor' parameter: not a cursor of this API/],
      [unsigned, 'q', /Invalid 'cursor' parameter: not a cursor of this API/],
      [tampered, 'q', /Invalid 'cursor' parameter: not a cursor of this API/],
      [otherKey, 'q', /Invalid 'cursor' parameter: not a cursor of this API/],
      [foreignLink, 'q', /malformed source state/],
      [page.nextCursor!, 'other', /belongs to a different query/],
    ] as const) {
      await expect(
        readMergedPage({
          query,
          sources: [a],
          cursor,
          limit: 1,
          compare: newest,
          signer,
        }),
      ).rejects.toThrow(message);
    }
    expect(a.reads).toEqual(['first']);
  });

  it('follows a cursor signed by another signer with the same key (another replica)', async () => {
    const a = source('a', [3, 2, 1], 1);
    const first = await readMergedPage({
      query: 'q',
      sources: [a],
      limit: 1,
      compare: newest,
      signer,
    });
    const second = await readMergedPage({
      query: 'q',
      sources: [a],
      cursor: first.nextCursor,
      limit: 1,
      compare: newest,
      signer: CursorSigner.withKey(Buffer.alloc(32, 1)),
    });
    expect(second.items.map(i => i.id)).toEqual(['a2']);
  });
});
