import { http, HttpHandler } from 'msw';
import { originMatcher } from '../arm/router';
import { Faults, FaultConfig } from '../faults';
import { EmulatorStats } from '../stats';
import { seedConstants } from '../seed/constants';
import { EmulatorState } from '../state/types';

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });

/** Admin routes under `/_emulator`: not ARM, not counted in the stats. */
export function createAdminHandlers(options: {
  baseUrl: string;
  faults: Faults;
  stats: EmulatorStats;
  state: EmulatorState;
  resetState(): void;
}): HttpHandler[] {
  const sameOrigin = originMatcher(options.baseUrl);
  const route = (
    method: string,
    path: string,
    resolve: (request: Request) => Response | Promise<Response>,
  ) =>
    http.all(
      ({ request }) => {
        const url = new URL(request.url);
        return (
          request.method.toUpperCase() === method &&
          sameOrigin(url) &&
          url.pathname.replace(/\/$/, '') === path
        );
      },
      ({ request }) => resolve(request),
    );
  const { faults, stats } = options;
  return [
    route('GET', '/_emulator/health', () => json({ status: 'ok' })),
    route('GET', '/_emulator/faults', () => json(faults.get())),
    route('POST', '/_emulator/faults', async request => {
      let config: FaultConfig;
      try {
        config = JSON.parse((await request.text()) || '{}');
      } catch (e) {
        return json(
          {
            error: {
              code: 'InvalidRequestContent',
              message: (e as Error).message,
            },
          },
          400,
        );
      }
      if (
        typeof config !== 'object' ||
        config === null ||
        Array.isArray(config)
      ) {
        return json(
          {
            error: {
              code: 'InvalidRequestContent',
              message: 'Expected a JSON object.',
            },
          },
          400,
        );
      }
      faults.set(config);
      return json(faults.get());
    }),
    route('DELETE', '/_emulator/faults', () => {
      faults.reset();
      return new Response(null, { status: 204 });
    }),
    route('GET', '/_emulator/stats', () =>
      json({ armCalls: stats.armCalls, byRoute: stats.byRoute }),
    ),
    route('POST', '/_emulator/stats/reset', () => {
      stats.reset();
      return new Response(null, { status: 204 });
    }),
    route('POST', '/_emulator/state/reset', () => {
      options.resetState();
      return new Response(null, { status: 204 });
    }),
    route('GET', '/_emulator/seed', () => {
      const workspaces = Object.values(options.state.workspaces).map(w => ({
        id: w.id,
        name: w.name,
        workspaceId: w.properties.workspaceId,
      }));
      return json({ ...seedConstants, workspaces });
    }),
  ];
}
