import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { SchedulerServiceTaskInvocationDefinition } from '@backstage/backend-plugin-api';
import { createAzureMlEmulator } from '@internal/azure-ml-emulator';
import { setupServer } from 'msw/node';
import request from 'supertest';
import { azureMlPlugin } from './plugin';
import {
  DENIED_ENTITY_REF,
  readApiEntities,
} from './__testUtils__/readApiEntities';
import {
  ARM,
  capturingScheduler,
  permissionsAllowing,
  recordingNotifications,
  seedEnvironments,
} from './__testUtils__/promotionBackend';
import { sqliteDatabases } from '@internal/backend-test-helpers';

/*
 * A bounded, deterministic fuzz of the whole HTTP API against the emulator: ~2,000 requests
 * built from a fixed seed out of valid values, hostile path segments (encoded slashes, dot
 * segments, prototype names, control characters, overlong names), bad queries, forged and
 * tampered cursors, malformed bodies and missing or invalid credentials. No answer may be a
 * 5xx, and no ARM call may leave the configured endpoint.
 */
const REQUESTS = 2_000;
const SEED = 0x5eed_2026;

const emulator = createAzureMlEmulator({ baseUrl: ARM });
const database = sqliteDatabases();
const server = setupServer(...emulator.handlers);

/** Small, fast, seedable PRNG (mulberry32). */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const entities = readApiEntities;

const hostile = [
  '%2f',
  '%2F..%2F',
  '..',
  '.',
  '%2e%2e',
  '__proto__',
  'constructor',
  'hasOwnProperty',
  '%00',
  'a%0Ab',
  '%E2%80%AE',
  '%F0%9F%90%8D',
  "o'brien",
  '%22%3E%3Cscript%3E',
  'x'.repeat(300),
  '%25',
  '~',
  '*',
];

jest.setTimeout(600_000);

describe('fuzzing the azure-ml API', () => {
  it(`answers ${REQUESTS} generated requests without a 5xx and without leaving the ARM endpoint`, async () => {
    const outside: string[] = [];
    server.events.on('request:start', ({ request: req }) => {
      const url = new URL(req.url);
      const local = ['127.0.0.1', 'localhost', '::1', '[::1]'].includes(
        url.hostname,
      );
      if (!local && url.origin !== ARM) outside.push(req.url);
    });
    server.listen({ onUnhandledRequest: 'bypass' });
    try {
      const tasks: SchedulerServiceTaskInvocationDefinition[] = [];
      const { server: http } = await startTestBackend({
        features: [
          azureMlPlugin,
          mockServices.rootConfig.factory({
            data: {
              azureMl: {
                arm: {
                  endpoint: ARM,
                  credential: 'none',
                  maxRetries: 1,
                  retryDelayMs: 5,
                  readBudget: { perSecond: 1000, burst: 1000 },
                },
                environments: seedEnvironments,
                promotion: {
                  from: 'dev',
                  to: 'prod',
                  requireApproval: true,
                  startOnApproval: false,
                },
              },
            },
          }),
          catalogServiceMock.factory({ entities }),
          mockServices.httpAuth.factory({
            defaultCredentials: mockCredentials.none(),
          }),
          permissionsAllowing(
            ({ resourceRef }) => resourceRef !== DENIED_ENTITY_REF,
          ),
          capturingScheduler(tasks),
          recordingNotifications([]),
          database,
        ],
      });
      const next = random(SEED);
      const pick = <T>(items: readonly T[]): T =>
        items[Math.floor(next() * items.length)];
      const maybe = (p: number) => next() < p;
      const either = <T>(valid: readonly T[], p = 0.3): T | string =>
        maybe(p) ? pick(hostile) : pick(valid);

      const cursors: string[] = ['garbage', '', 'a.b', 'x'.repeat(5000)];
      const promotionIds: string[] = [
        '00000000-0000-4000-8000-000000000000',
        'not-a-uuid',
      ];
      const tamper = (cursor: string) => {
        if (!cursor) return cursor;
        const at = Math.floor(next() * cursor.length);
        const swapped = cursor[at] === 'A' ? 'B' : 'A';
        return `${cursor.slice(0, at)}${swapped}${cursor.slice(at + 1)}`;
      };
      const forgedCursor = () =>
        Buffer.from(
          JSON.stringify({
            q: 'models:dev/taxi-fare-model',
            s: [{ link: `${ARM}/x`, offset: 0 }],
          }),
        ).toString('base64url');
      const cursor = () => {
        const known = pick(cursors);
        if (maybe(0.3)) return tamper(known);
        return maybe(0.1) ? forgedCursor() : known;
      };
      const query = (params: Record<string, string | undefined>) => {
        const parts = Object.entries(params)
          .filter(([, value]) => value !== undefined)
          .map(([key, value]) => `${key}=${encodeURIComponent(value!)}`);
        if (maybe(0.05)) parts.push('colour=red');
        if (maybe(0.05)) parts.push('limit=1&limit=2');
        return parts.length ? `?${parts.join('&')}` : '';
      };
      const optional = <T>(values: readonly T[]) =>
        maybe(0.4) ? undefined : pick(values);
      const limit = () =>
        optional([
          '1',
          '2',
          '3',
          '20',
          '100',
          '0',
          '-5',
          '101',
          'ten',
          '1e2',
          '1.5',
          '',
        ]);
      const entityPath = () =>
        `/entities/${either(
          ['component', 'Component', 'group'],
          0.15,
        )}/${either(['default', 'DEFAULT', 'other'], 0.15)}/${either(
          [
            'taxi-fare',
            'dev-only',
            'ghost',
            'plain',
            'staging',
            'secret',
            'nobody',
          ],
          0.2,
        )}`;
      const body = () => {
        const valid = {
          entityRef: pick([
            'component:default/taxi-fare',
            'component:default/dev-only',
            DENIED_ENTITY_REF,
            'component:default/nobody',
            'component:default/%2f',
          ]),
          model: pick(['taxi-fare-model', 'other-model', '..', '__proto__']),
          version: pick(['1', '2', '3', '9999', '..', 'constructor']),
          comment: pick(['ok', '', 'x'.repeat(3000), '${{ parameters.x }}']),
        } as Record<string, unknown>;
        if (maybe(0.2)) delete valid[pick(['entityRef', 'model', 'version'])];
        if (maybe(0.1))
          valid[pick(['model', 'version', 'comment'])] = pick([
            42,
            null,
            [],
            {},
            true,
          ]);
        if (maybe(0.05)) valid.extra = 'field';
        if (maybe(0.05)) return pick([null, [], 42, '"text"', {}]);
        return valid;
      };

      const statuses = new Map<number, number>();
      const byRoute = new Map<string, number>();
      const failures: string[] = [];
      for (let i = 0; i < REQUESTS; i++) {
        let auth: string | undefined = mockCredentials.user.header();
        if (maybe(0.05)) auth = undefined;
        else if (maybe(0.03)) auth = 'Bearer not-a-token';
        const route = pick([
          'health',
          'environments',
          'registries',
          'models',
          'models',
          'models',
          'version',
          'version',
          'runs',
          'runs',
          'promotion-settings',
          'evaluate',
          'promote',
          'list-promotions',
          'get-promotion',
          'decide',
          'rollback',
          'dns',
        ] as const);
        let method: 'get' | 'post' = 'get';
        let path = '';
        let payload: unknown;
        let rawPayload: string | undefined;
        switch (route) {
          case 'health':
          case 'environments':
          case 'registries':
          case 'promotion-settings':
            path = `/${route}`;
            break;
          case 'models':
            path = `${entityPath()}/models${query({
              environment: optional([
                'dev',
                'prod',
                'staging',
                '',
                '__proto__',
              ]),
              limit: limit(),
              cursor: maybe(0.4) ? cursor() : undefined,
            })}`;
            break;
          case 'version':
            path = `${entityPath()}/models/${either([
              'taxi-fare-model',
              'other-model',
            ])}/versions/${either(['1', '2', '3', '8', '9999', '0'])}${query({
              environment: optional(['dev', 'prod', 'staging', '']),
            })}`;
            break;
          case 'runs':
            path = `${entityPath()}/runs${query({
              environment: optional(['dev', 'prod', 'x']),
              status: optional([
                'Completed',
                'Failed',
                'Running',
                'Exploded',
                'completed',
              ]),
              limit: limit(),
              cursor: maybe(0.4) ? cursor() : undefined,
            })}`;
            break;
          case 'evaluate':
          case 'promote':
            method = 'post';
            path =
              route === 'evaluate' ? '/promotions/evaluate' : '/promotions';
            if (maybe(0.1))
              rawPayload = pick(['{', '{"entityRef":', 'null', '[]']);
            else payload = body();
            break;
          case 'rollback':
            method = 'post';
            path = '/rollbacks';
            payload = body();
            break;
          case 'list-promotions':
            path = `/promotions${query({
              entityRef: optional([
                'component:default/taxi-fare',
                'nope',
                '%2f',
              ]),
              state: optional(['pending', 'succeeded', 'bogus']),
              limit: limit(),
              cursor: maybe(0.3)
                ? pick(['garbage', 'eyJ4IjoxfQ', ''])
                : undefined,
            })}`;
            break;
          case 'get-promotion':
            path = `/promotions/${either(promotionIds, 0.3)}`;
            break;
          case 'decide':
            method = 'post';
            path = `/promotions/${either(promotionIds, 0.3)}/${pick([
              'approve',
              'reject',
            ])}`;
            payload = maybe(0.2) ? { comment: 42 } : { comment: 'fuzz' };
            break;
          case 'dns':
            path = `/environments/${either([
              'dev',
              'prod',
              'staging',
            ])}/dns-validations${query({ limit: limit() })}`;
            break;
          default:
            throw new Error(`unknown route ${route}`);
        }
        let req = request(http)[method](`/api/azure-ml${path}`);
        if (auth) req = req.set('Authorization', auth);
        if (rawPayload !== undefined) {
          req = req.set('content-type', 'application/json').send(rawPayload);
        } else if (payload !== undefined) {
          req = req.send(payload as object);
        }
        const res = await req;
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        byRoute.set(route, (byRoute.get(route) ?? 0) + 1);
        if (res.status >= 500) {
          failures.push(
            `${method.toUpperCase()} ${path} → ${res.status} ${JSON.stringify(
              res.body,
            ).slice(0, 300)}`,
          );
        }
        if (res.body?.nextCursor && cursors.length < 50) {
          cursors.push(res.body.nextCursor);
        }
        if (res.body?.id && typeof res.body.id === 'string') {
          promotionIds.push(res.body.id);
        }
      }

      const counts = {
        requests: REQUESTS,
        seed: SEED,
        statuses: Object.fromEntries([...statuses].sort(([a], [b]) => a - b)),
        routes: Object.fromEntries(byRoute),
        fiveXx: failures.length,
        armCalls: emulator.stats.armCalls,
        armCallsOutsideEndpoint: outside.length,
      };
      process.stdout.write(`azure-ml fuzz: ${JSON.stringify(counts)}\n`);
      expect(failures).toEqual([]);
      expect(outside).toEqual([]);
      expect([...statuses.values()].reduce((a, b) => a + b, 0)).toBe(REQUESTS);
    } finally {
      server.close();
    }
  });
});
