import { setupServer } from 'msw/node';
import { createAzureMlEmulator } from './createAzureMlEmulator';
import { createSeedState } from './seed/createSeedState';
import { API, paths } from './testUtils';

const BASE = 'https://management.azure.com';
const emulator = createAzureMlEmulator();
const server = setupServer(...emulator.handlers);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  emulator.faults.reset();
  emulator.stats.reset();
  emulator.resetState();
});
afterAll(() => server.close());

const get = (path: string, init?: RequestInit) =>
  fetch(path.startsWith('http') ? path : `${BASE}${path}`, init);

async function collect(path: string): Promise<{ items: any[]; pages: number }> {
  const items: any[] = [];
  let pages = 0;
  let next: string | undefined = `${BASE}${path}`;
  while (next) {
    const res = await get(next);
    expect(res.status).toBe(200);
    const body = await res.json();
    items.push(...body.value);
    pages += 1;
    next = body.nextLink;
  }
  return { items, pages };
}

describe('seed', () => {
  it('is deterministic', () => {
    expect(JSON.stringify(createSeedState())).toEqual(
      JSON.stringify(createSeedState()),
    );
  });
});

describe('admin routes', () => {
  it('answers health', async () => {
    const res = await get('/_emulator/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });
});

describe('paging', () => {
  it('returns every registry model version exactly once across pages', async () => {
    const { items, pages } = await collect(
      `${paths.registry()}/models/taxi-fare-model/versions?${API}&$top=3`,
    );
    expect(pages).toBe(4);
    expect(
      items.map(i => i.name).sort((a, b) => Number(a) - Number(b)),
    ).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
  });
});
