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
 * - Nobody without a signed-in user writes.
 *
 * Anything no rule restricts is allowed, so the rest of the portal behaves like an allow-all
 * install.
 */
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
    return { result: AuthorizeResult.ALLOW };
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
