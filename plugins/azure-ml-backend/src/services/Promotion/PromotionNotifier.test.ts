import { mockServices } from '@backstage/backend-test-utils';
import { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  azureMlTabPath,
  catalogEntityNames,
  EntityNames,
  humanizeRef,
  PromotionNotifier,
} from './PromotionNotifier';
import { StoredPromotion } from './PromotionStore';

const promotion: StoredPromotion = {
  id: 'p1',
  kind: 'promotion',
  entityRef: 'component:default/taxi-fare',
  model: 'taxi-fare-model',
  sourceEnvironment: 'dev',
  sourceVersion: '10',
  targetEnvironment: 'prod',
  targetVersion: '10',
  state: 'pending_approval',
  requestedBy: 'user:default/guest',
  attempts: 0,
  createdAt: '2026-12-02T00:00:00.000Z',
  updatedAt: '2026-12-02T00:00:00.000Z',
};

function notifier(
  approvers = ['group:default/ml-platform'],
  names?: EntityNames,
) {
  const sent: NotificationSendOptions[] = [];
  const logger = mockServices.logger.mock();
  const subject = new PromotionNotifier({
    notifications: { send: async options => void sent.push(options) },
    logger,
    approvers,
    names,
  });
  return { subject, sent, logger };
}

describe('PromotionNotifier', () => {
  it('links the Azure ML tab of the entity', () => {
    expect(azureMlTabPath('Component:default/taxi-fare')).toBe(
      '/catalog/default/component/taxi-fare/azure-ml',
    );
  });

  it('tells no approver of a request that needs no approval, or when none are configured', async () => {
    const { subject, sent } = notifier();
    await subject.requested({ ...promotion, state: 'approved' });
    expect(sent).toEqual([]);
    const none = notifier([]);
    await none.subject.requested(promotion);
    expect(none.sent).toEqual([]);
  });

  it('tells the owners, not a service, of a champion a service requested', async () => {
    const { subject, sent } = notifier();
    const byService = { ...promotion, requestedBy: 'service:external:ci' };
    await subject.decided({ ...byService, state: 'approved' });
    await subject.finished({ ...byService, state: 'failed', attempts: 2 });
    expect(sent).toEqual([]);
    await subject.finished({ ...byService, state: 'succeeded' });
    expect(sent.map(s => s.recipients)).toEqual([
      { type: 'entity', entityRef: ['component:default/taxi-fare'] },
    ]);
  });

  it('logs what it could not even build, and throws nothing', async () => {
    const { subject, sent, logger } = notifier();
    await subject.finished({
      ...promotion,
      entityRef: 'not a ref',
      state: 'succeeded',
    });
    expect(sent).toEqual([]);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(
        /^Could not send the notification about promotion p1 \(succeeded\): /,
      ),
    );
  });

  it('names people and the entity as the catalog does, and humanizes refs it cannot name', async () => {
    const catalog = catalogServiceMock({
      entities: [
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'User',
          metadata: { name: 'guest', namespace: 'default' },
          spec: { profile: { displayName: 'Gwen Guest' }, memberOf: [] },
        },
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Component',
          metadata: { name: 'taxi-fare', title: 'Taxi fare model' },
          spec: { type: 'ml-model', owner: 'x', lifecycle: 'production' },
        },
      ],
    });
    const names = catalogEntityNames({ catalog, auth: mockServices.auth() });
    const { subject, sent } = notifier(undefined, names);
    await subject.finished({
      ...promotion,
      state: 'succeeded',
      decidedBy: 'user:team-b/avery',
    });
    expect(sent[0].payload.description).toBe(
      'Promotion of taxi-fare-model version 10 to prod succeeded for Taxi fare model (requested by Gwen Guest, approved by team-b/avery).',
    );
  });

  it('falls back to humanized refs when the catalog cannot be read, and still sends', async () => {
    const { subject, sent, logger } = notifier(undefined, async () => {
      throw new Error('catalog unavailable');
    });
    await subject.requested(promotion);
    expect(sent[0].payload.description).toBe(
      'guest requests to promote taxi-fare-model version 10 of component taxi-fare from dev to prod.',
    );
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('catalog unavailable'),
    );
  });

  it('humanizes refs a person reads', () => {
    expect(humanizeRef('user:default/guest')).toBe('guest');
    expect(humanizeRef('group:platform/approvers')).toBe(
      'group platform/approvers',
    );
    expect(humanizeRef('Component:default/taxi-fare')).toBe(
      'component taxi-fare',
    );
    expect(humanizeRef('service:external:ci')).toBe('service:external:ci');
  });
});
