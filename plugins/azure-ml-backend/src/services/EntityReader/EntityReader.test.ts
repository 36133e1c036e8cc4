import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { NotAllowedError } from '@backstage/errors';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AzureMlAnnotations } from '@internal/plugin-azure-ml-common';
import { ResponseCache } from '../../lib/ResponseCache';
import { EntityIndex } from '../EntityIndex/EntityIndex';
import type { AzureMlEntityAccess } from '../refs';
import { EntityReader } from './EntityReader';

const REF = 'component:default/taxi-fare';
const annotations = (models: string[]): AzureMlAnnotations => ({ models });

/** A promise and the functions that settle it, for ordering steps without timers. */
function deferred<T>() {
  let resolve: (value: T) => void = () => {};
  let reject: (error: unknown) => void = () => {};
  const promise = new Promise<T>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  return { promise, resolve, reject };
}

function setup() {
  const decision = deferred<AzureMlAnnotations>();
  const entityAccess: AzureMlEntityAccess = {
    annotationsFor: jest.fn(() => decision.promise),
  };
  const entityIndex = new EntityIndex({
    auth: mockServices.auth(),
    catalog: catalogServiceMock(),
    logger: mockServices.logger.mock(),
  });
  const reader = new EntityReader({
    entityAccess,
    entityIndex,
    responses: new ResponseCache({ enabled: false }),
  });
  const produced: AzureMlAnnotations[] = [];
  const data = deferred<unknown>();
  const read = () =>
    reader.read('Component:default/Taxi-Fare', mockCredentials.user(), {
      route: 'models',
      query: { environment: 'dev' },
      produce: async used => {
        produced.push(used);
        return data.promise;
      },
    });
  return { decision, data, entityIndex, produced, read };
}

const body = (rendered: { body: Buffer }) =>
  JSON.parse(rendered.body.toString());

describe('EntityReader', () => {
  it('starts the data read of an indexed entity before the access check answers, and uses it', async () => {
    const { decision, data, entityIndex, produced, read } = setup();
    const hint = annotations(['taxi-fare-model']);
    entityIndex.remember(REF, hint);
    const pending = read();
    await Promise.resolve();
    expect(produced).toEqual([hint]); // started while the check is still open
    data.resolve({ items: [1] });
    decision.resolve(annotations(['taxi-fare-model']));
    expect(body(await pending)).toEqual({ items: [1] });
    expect(produced).toHaveLength(1);
  });

  it('reads only after the check for an entity the index does not know, and remembers it', async () => {
    const { decision, data, entityIndex, produced, read } = setup();
    const pending = read();
    await Promise.resolve();
    expect(produced).toEqual([]);
    const checked = annotations(['taxi-fare-model']);
    decision.resolve(checked);
    data.resolve({ items: [] });
    expect(body(await pending)).toEqual({ items: [] });
    expect(produced).toEqual([checked]);
    expect(entityIndex.get(REF)).toBe(checked);
  });

  it('drops an early read whose annotations the check contradicts, and reads again', async () => {
    const { decision, data, entityIndex, produced, read } = setup();
    entityIndex.remember(REF, annotations(['old-model']));
    const pending = read();
    const current = annotations(['new-model']);
    decision.resolve(current);
    data.resolve({ items: ['x'] });
    await pending;
    expect(produced.map(a => a.models)).toEqual([['old-model'], ['new-model']]);
    expect(entityIndex.get(REF)).toBe(current);
  });

  it('answers the access error, never the data, when the check fails after an early read', async () => {
    const { decision, data, entityIndex, produced, read } = setup();
    entityIndex.remember(REF, annotations(['taxi-fare-model']));
    const pending = read();
    data.resolve({ items: ['secret'] });
    decision.reject(new NotAllowedError('Not allowed'));
    await expect(pending).rejects.toThrow(NotAllowedError);
    expect(produced).toHaveLength(1);
  });

  it('answers the access error when both the early read and the check fail', async () => {
    const { decision, data, entityIndex, read } = setup();
    entityIndex.remember(REF, annotations(['taxi-fare-model']));
    const pending = read();
    data.reject(new Error('ARM is down'));
    decision.reject(new NotAllowedError('Not allowed'));
    await expect(pending).rejects.toThrow(NotAllowedError);
  });

  it('answers the data error when the check passes and the early read failed', async () => {
    const { decision, data, entityIndex, read } = setup();
    entityIndex.remember(REF, annotations(['taxi-fare-model']));
    const pending = read();
    data.reject(new Error('ARM is down'));
    decision.resolve(annotations(['taxi-fare-model']));
    await expect(pending).rejects.toThrow('ARM is down');
  });
});
