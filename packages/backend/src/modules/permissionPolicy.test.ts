import {
  AuthorizeResult,
  createPermission,
  Permission,
} from '@backstage/plugin-permission-common';
import { PolicyQueryUser } from '@backstage/plugin-permission-node';
import {
  azureMlDnsValidatePermission,
  azureMlEntityReadPermission,
  azureMlModelPromotePermission,
  azureMlPromotionApprovePermission,
  azureMlPromotionRollbackPermission,
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

  describe('the matrix: who may do what', () => {
    const { ALLOW, DENY, CONDITIONAL } = AuthorizeResult;
    const resource = (
      name: string,
      resourceType: string,
      action?: 'read' | 'create' | 'update' | 'delete',
    ) =>
      createPermission({
        name,
        attributes: action ? { action } : {},
        resourceType,
      });
    const basic = (
      name: string,
      action?: 'read' | 'create' | 'update' | 'delete',
    ) => createPermission({ name, attributes: action ? { action } : {} });
    const signedIn = user('user:default/guest', ['group:default/ml-platform']);
    const approver = user('user:default/arno', ['group:default/ml-approvers']);

    const matrix: Array<
      [Permission, AuthorizeResult, AuthorizeResult, AuthorizeResult]
    > = [
      // permission, anonymous, signed-in user, approver
      [
        resource('catalog.entity.read', 'catalog-entity', 'read'),
        DENY,
        ALLOW,
        ALLOW,
      ],
      [basic('catalog.location.read', 'read'), DENY, ALLOW, ALLOW],
      // Entity data and platform reads (/environments/{env}/models|runs), see below.
      [azureMlEntityReadPermission, DENY, ALLOW, ALLOW],
      [
        resource(
          'scaffolder.template.parameter.read',
          'scaffolder-template',
          'read',
        ),
        DENY,
        ALLOW,
        ALLOW,
      ],
      [
        resource('scaffolder.task.read', 'scaffolder-task', 'read'),
        DENY,
        ALLOW,
        ALLOW,
      ],
      [basic('scaffolder.template.dry-run'), DENY, ALLOW, ALLOW],
      [basic('scaffolder.template.management'), DENY, ALLOW, ALLOW],
      [basic('scaffolder.task.create', 'create'), DENY, ALLOW, ALLOW],
      [
        resource('scaffolder.action.execute', 'scaffolder-action'),
        DENY,
        ALLOW,
        ALLOW,
      ],
      [basic('catalog.entity.create', 'create'), DENY, ALLOW, ALLOW],
      [basic('catalog.location.create', 'create'), DENY, ALLOW, ALLOW],
      [
        resource('catalog.entity.delete', 'catalog-entity', 'delete'),
        DENY,
        CONDITIONAL,
        CONDITIONAL,
      ],
      [basic('catalog.ingestion.manage', 'update'), DENY, DENY, DENY],
      [basic('catalog.location.delete', 'delete'), DENY, DENY, DENY],
      [basic('some-plugin.thing.delete', 'delete'), DENY, DENY, DENY],
      [basic('some-plugin.thing.update', 'update'), DENY, DENY, DENY],
      [azureMlModelPromotePermission, DENY, CONDITIONAL, CONDITIONAL],
      [azureMlPromotionRollbackPermission, DENY, CONDITIONAL, CONDITIONAL],
      [azureMlPromotionApprovePermission, DENY, DENY, ALLOW],
      [azureMlDnsValidatePermission, DENY, DENY, ALLOW],
    ];

    it.each(
      matrix.map(([permission, ...expected]) => ({ permission, expected })),
    )(
      '$permission.name: anonymous, signed-in, approver → $expected',
      async ({ permission, expected }) => {
        const decide = async (u?: PolicyQueryUser) =>
          (await policy.handle({ permission }, u)).result;
        expect([
          await decide(),
          await decide(signedIn),
          await decide(approver),
        ]).toEqual(expected);
      },
    );

    it('lets every signed-in user read Azure ML data of any entity, platform Resources included, without conditions', async () => {
      // azure-ml.entity.read is checked against a component (its models and runs) and against
      // the registry / workspace Resource of an environment (GET /environments/{env}/models
      // and /runs): the policy answers ALLOW outright, so neither needs an owner.
      expect(
        await policy.handle(
          { permission: azureMlEntityReadPermission },
          signedIn,
        ),
      ).toEqual({ result: ALLOW });
      expect(
        await policy.handle({ permission: azureMlEntityReadPermission }),
      ).toEqual({ result: DENY });
    });

    it('makes the owners of the entity the ones who may unregister it', async () => {
      expect(
        await policy.handle(
          {
            permission: resource(
              'catalog.entity.delete',
              'catalog-entity',
              'delete',
            ),
          },
          signedIn,
        ),
      ).toMatchObject({
        conditions: {
          rule: 'IS_ENTITY_OWNER',
          params: {
            claims: ['user:default/guest', 'group:default/ml-platform'],
          },
        },
      });
    });
  });
});
