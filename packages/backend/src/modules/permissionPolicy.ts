import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import {
  AuthorizeResult,
  isPermission,
  isResourcePermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import {
  azureMlDnsValidatePermission,
  azureMlModelPromotePermission,
  azureMlPromotionApprovePermission,
  azureMlPromotionRollbackPermission,
} from '@internal/plugin-azure-ml-common';

/**
 * The portal's permission policy: the single place where Azure ML rules live.
 *
 * - `azure-ml.model.promote`, `azure-ml.promotion.rollback`: the owners of the entity (catalog
 *   `spec.owner`, through the signed-in user's ownership refs) may request promotions of its
 *   models and roll their champions back.
 * - `azure-ml.promotion.approve`: members of `azureMl.promotion.approvers` (user or group refs)
 *   may approve or reject. The backend itself refuses a decision on one's own request.
 * - `azure-ml.dns.validate`: members of `azureMl.dns.validators` or of the approvers may run
 *   a DNS validation on demand (reading results needs only a signed-in user).
 * - Nobody without a signed-in user gets anything (service-to-service calls never reach the
 *   policy: the permission framework allows them).
 * - Signed-in users read everything (`action: read`), use the scaffolder (run templates,
 *   dry-run and the template editor, cancel tasks) and register entities and locations, as
 *   templates do; only an entity's owners may unregister (`catalog.entity.delete`) it.
 *   Removing a whole location (`catalog.location.delete`, every entity it holds, whoever
 *   owns them) is left to the platform's config, not the portal.
 * - Any other write (an `update`/`delete`/`create` no rule names, e.g. of a plugin added
 *   later, or `catalog.ingestion.manage`) is denied until a rule here allows it.
 */
/** What every signed-in user may do beyond reading: the scaffolder and entity registration. */
const SIGNED_IN_ACTIONS = new Set([
  'scaffolder.action.execute',
  'scaffolder.task.create',
  'scaffolder.task.cancel',
  'scaffolder.template.dry-run',
  'scaffolder.template.management',
  'catalog.entity.create',
  'catalog.entity.refresh',
  'catalog.entity.validate',
  'catalog.location.create',
  'catalog.location.analyze',
]);

export class AzureMlPortalPolicy implements PermissionPolicy {
  constructor(
    private readonly approvers: string[],
    private readonly dnsValidators: string[] = [],
  ) {}

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const { permission } = request;
    if (!user) {
      return { result: AuthorizeResult.DENY };
    }
    if (
      isPermission(permission, azureMlModelPromotePermission) ||
      isPermission(permission, azureMlPromotionRollbackPermission)
    ) {
      if (!user) return { result: AuthorizeResult.DENY };
      return createCatalogConditionalDecision(
        permission,
        catalogConditions.isEntityOwner({
          claims: user.info.ownershipEntityRefs ?? [],
        }),
      );
    }
    if (isPermission(permission, azureMlPromotionApprovePermission)) {
      const refs = user?.info.ownershipEntityRefs ?? [];
      const approver = refs.some(ref =>
        this.approvers.includes(ref.toLocaleLowerCase('en-US')),
      );
      return {
        result: approver ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
      };
    }
    if (isPermission(permission, azureMlDnsValidatePermission)) {
      const refs = user?.info.ownershipEntityRefs ?? [];
      const allowed = [...this.approvers, ...this.dnsValidators];
      return {
        result: refs.some(ref =>
          allowed.includes(ref.toLocaleLowerCase('en-US')),
        )
          ? AuthorizeResult.ALLOW
          : AuthorizeResult.DENY,
      };
    }
    if (
      isResourcePermission(permission, 'catalog-entity') &&
      permission.name === 'catalog.entity.delete'
    ) {
      return createCatalogConditionalDecision(
        permission,
        catalogConditions.isEntityOwner({
          claims: user.info.ownershipEntityRefs ?? [],
        }),
      );
    }
    const reads = permission.attributes.action === 'read';
    return {
      result:
        reads || SIGNED_IN_ACTIONS.has(permission.name)
          ? AuthorizeResult.ALLOW
          : AuthorizeResult.DENY,
    };
  }
}

export const permissionPolicyModule = createBackendModule({
  pluginId: 'permission',
  moduleId: 'azure-ml-portal-policy',
  register(reg) {
    reg.registerInit({
      deps: { policy: policyExtensionPoint, config: coreServices.rootConfig },
      async init({ policy, config }) {
        const approvers =
          config
            .getOptionalStringArray('azureMl.promotion.approvers')
            ?.map(ref => ref.toLocaleLowerCase('en-US')) ?? [];
        const dnsValidators =
          config
            .getOptionalStringArray('azureMl.dns.validators')
            ?.map(ref => ref.toLocaleLowerCase('en-US')) ?? [];
        policy.setPolicy(new AzureMlPortalPolicy(approvers, dnsValidators));
      },
    });
  },
});
