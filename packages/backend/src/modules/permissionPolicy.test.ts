import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { PolicyQueryUser } from '@backstage/plugin-permission-node';
import {
  azureMlDnsValidatePermission,
  azureMlEntityReadPermission,
  azureMlModelPromotePermission,
  azureMlPromotionApprovePermission,
} from '@internal/plugin-azure-ml-common';
import { AzureMlPortalPolicy } from './permissionPolicy';

function user(ref: string, groups: string[] = []): PolicyQueryUser {
  return {
    identity: {
      type: 'user',
      userEntityRef: ref,
      ownershipEntityRefs: [ref, ...groups],
    },
    info: { userEntityRef: ref, ownershipEntityRefs: [ref, ...groups] },
    credentials: {} as PolicyQueryUser['credentials'],
    token: 'token',
  } as PolicyQueryUser;
}

describe('AzureMlPortalPolicy', () => {
  const policy = new AzureMlPortalPolicy(['group:default/ml-approvers']);

  it('lets the owners of the entity request promotions (a catalog condition on ownership)', async () => {
    const decision = await policy.handle(
      { permission: azureMlModelPromotePermission },
      user('user:default/olivia', ['group:default/team-taxi']),
    );
    expect(decision).toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'catalog',
      resourceType: 'catalog-entity',
      conditions: {
        rule: 'IS_ENTITY_OWNER',
        resourceType: 'catalog-entity',
        params: { claims: ['user:default/olivia', 'group:default/team-taxi'] },
      },
    });
  });

  it('lets only members of the approvers group approve, and nobody anonymous write', async () => {
    const approve = { permission: azureMlPromotionApprovePermission };
    expect(
      (
        await policy.handle(
          approve,
          user('user:default/arno', ['group:default/ML-Approvers']),
        )
      ).result,
    ).toBe(AuthorizeResult.ALLOW);
    expect(
      (await policy.handle(approve, user('user:default/olivia'))).result,
    ).toBe(AuthorizeResult.DENY);
    expect((await policy.handle(approve)).result).toBe(AuthorizeResult.DENY);
    expect(
      (await policy.handle({ permission: azureMlModelPromotePermission }))
        .result,
    ).toBe(AuthorizeResult.DENY);
  });

  it('lets DNS validators and approvers run a DNS validation, nobody else', async () => {
    const withValidators = new AzureMlPortalPolicy(
      ['group:default/ml-approvers'],
      ['group:default/ml-platform'],
    );
    const validate = { permission: azureMlDnsValidatePermission };
    const result = async (u?: PolicyQueryUser) =>
      (await withValidators.handle(validate, u)).result;
    expect(
      await result(user('user:default/pia', ['group:default/ml-platform'])),
    ).toBe(AuthorizeResult.ALLOW);
    expect(
      await result(user('user:default/arno', ['group:default/ml-approvers'])),
    ).toBe(AuthorizeResult.ALLOW);
    expect(await result(user('user:default/olivia'))).toBe(
      AuthorizeResult.DENY,
    );
    expect(await result()).toBe(AuthorizeResult.DENY);
  });

  it('leaves reads to the rest of the portal (allowed)', async () => {
    expect(
      (
        await policy.handle(
          { permission: azureMlEntityReadPermission },
          user('user:default/x'),
        )
      ).result,
    ).toBe(AuthorizeResult.ALLOW);
  });
});
