import path from 'node:path';
import request from 'supertest';
import { destroyableDatabase } from './__testUtils__/destroyableDatabase';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestBackend,
} from '@backstage/backend-test-utils';
import { createBackendPlugin } from '@backstage/backend-plugin-api';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import notificationsPlugin from '@backstage/plugin-notifications-backend';
import {
  NotificationService,
  notificationService,
} from '@backstage/plugin-notifications-node';

/*
 * The recipients the azure-ml promotion notifications name (approver groups, the requester,
 * the component for its owners), resolved by the real notifications plugin over the real
 * example catalog (examples/org.yaml, examples/entities.yaml): who ends up told.
 */
const repoRoot = path.resolve(__dirname, '../../..');
const REQUESTER = 'user:default/requester';
const APPROVER = 'user:default/approver';

let sender: NotificationService | undefined;
/** Stands in for the azure-ml plugin: another plugin that sends through the service. */
const senderPlugin = createBackendPlugin({
  pluginId: 'sender',
  register(env) {
    env.registerInit({
      deps: { notifications: notificationService },
      async init({ notifications }) {
        sender = notifications;
      },
    });
  },
});

async function titlesOf(server: TestBackend['server'], user: string) {
  const res = await request(server)
    .get('/api/notifications')
    .set('Authorization', mockCredentials.user.header(user));
  expect(res.status).toBe(200);
  return (res.body.notifications as Array<{ payload: { title: string } }>)
    .map(n => n.payload.title)
    .sort();
}

/**
 * The members of `group` once the catalog has stitched `member` into it (memberships are
 * relations of both sides).
 */
async function waitForMember(
  server: TestBackend['server'],
  group: string,
  member: string,
) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const res = await request(server)
      .get(`/api/catalog/entities/by-name/group/default/${group}`)
      .set('Authorization', mockCredentials.user.header());
    const members = (res.body?.relations ?? [])
      .filter((r: { type: string }) => r.type === 'hasMember')
      .map((r: { targetRef: string }) => r.targetRef);
    if (members.includes(member) || Date.now() > deadline) {
      return members;
    }
    await new Promise(r => setTimeout(r, 250));
  }
}

jest.setTimeout(60_000);

describe('promotion notifications in the portal', () => {
  it('reach approvers through their group, less the requester, and owners through the component', async () => {
    const database = destroyableDatabase();
    const backend = await startTestBackend({
      features: [
        database.factory,
        catalogPlugin,
        notificationsPlugin,
        senderPlugin,
        mockServices.rootConfig.factory({
          data: {
            app: { baseUrl: 'http://localhost:3000' },
            backend: { baseUrl: 'http://localhost:7007' },
            catalog: {
              rules: [{ allow: ['Component', 'System', 'Group', 'User'] }],
              locations: [
                {
                  type: 'file',
                  target: path.join(repoRoot, 'examples/entities.yaml'),
                },
                {
                  type: 'file',
                  target: path.join(repoRoot, 'examples/org.yaml'),
                },
              ],
              processingInterval: { seconds: 1 },
            },
          },
        }),
      ],
    });
    expect(
      await waitForMember(backend.server, 'ml-platform', APPROVER),
    ).toEqual([APPROVER]);
    expect(
      await waitForMember(backend.server, 'ml-engineers', REQUESTER),
    ).toEqual([REQUESTER]);

    // A request by the requester, to the approvers of app-config.yaml.
    await sender!.send({
      recipients: {
        type: 'entity',
        entityRef: ['group:default/ml-platform'],
        excludeEntityRef: REQUESTER,
      },
      payload: { title: 'approve' },
    });
    // A new champion: the requester and the owners of the component (the requester again,
    // through ml-engineers: told once).
    await sender!.send({
      recipients: {
        type: 'entity',
        entityRef: [REQUESTER, 'component:default/taxi-fare'],
      },
      payload: { title: 'champion' },
    });

    expect(await titlesOf(backend.server, APPROVER)).toEqual(['approve']);
    // The requester owns taxi-fare through ml-engineers; they were not told of their own
    // request. Guest belongs to no group: told of nothing.
    expect(await titlesOf(backend.server, REQUESTER)).toEqual(['champion']);
    expect(await titlesOf(backend.server, 'user:default/guest')).toEqual([]);
    await backend.stop();
    await database.destroy();
  });
});
