import {
  AuthService,
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import {
  AzureMlAnnotationError,
  AzureMlAnnotations,
  azureMlEntityReadPermission,
  getAzureMlAnnotations,
} from '@internal/plugin-azure-ml-common';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ReadThroughCache } from '../../lib/ReadThroughCache';

/** What one caller may see of one entity; cached briefly per caller and entity. */
type Access =
  | { result: 'ok'; annotations: AzureMlAnnotations }
  | { result: 'not-found' }
  | { result: 'denied' }
  | { result: 'bad-annotation'; message: string };

/**
 * Turns "this entity, for this caller" into the entity's Azure ML annotations: the entity is
 * read through the catalog with the caller's credentials (invisible → 404) and the read is
 * authorized with `azure-ml.entity.read` on the entity (DENY → 403). Both answers are kept for
 * a few seconds per caller, so that a page that fires several requests costs one catalog read
 * and one permission check.
 */
export class EntityAccess {
  constructor(
    private readonly deps: {
      auth: AuthService;
      catalog: CatalogService;
      permissions: PermissionsService;
      cache: ReadThroughCache;
      ttlMs: number;
    },
  ) {}

  async annotationsFor(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<AzureMlAnnotations> {
    // Kinds, namespaces and names are ASCII ([A-Za-z0-9-_.]): toLowerCase is exact and, unlike
    // toLocaleLowerCase('en-US'), cheap on the hot path.
    const ref = entityRef.toLowerCase();
    const access = await this.deps.cache.get<Access>(
      `access:v1:${this.callerKey(credentials)}:${ref}`,
      this.deps.ttlMs,
      () => this.check(ref, credentials),
    );
    switch (access.result) {
      case 'ok':
        return access.annotations;
      case 'not-found':
        throw new NotFoundError(`Entity '${entityRef}' not found`);
      case 'denied':
        throw new NotAllowedError(
          `Not allowed to read the Azure ML data of '${entityRef}'`,
        );
      default:
        throw new InputError(access.message);
    }
  }

  private callerKey(credentials: BackstageCredentials): string {
    const { auth } = this.deps;
    if (auth.isPrincipal(credentials, 'user')) {
      return `user:${credentials.principal.userEntityRef}`;
    }
    if (auth.isPrincipal(credentials, 'service')) {
      return `service:${credentials.principal.subject}`;
    }
    return 'none';
  }

  private async check(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<Access> {
    const [entity, [decision]] = await Promise.all([
      this.deps.catalog.getEntityByRef(entityRef, { credentials }),
      this.deps.permissions.authorize(
        [{ permission: azureMlEntityReadPermission, resourceRef: entityRef }],
        { credentials },
      ),
    ]);
    if (!entity) {
      return { result: 'not-found' };
    }
    if (decision.result !== AuthorizeResult.ALLOW) {
      return { result: 'denied' };
    }
    try {
      return { result: 'ok', annotations: getAzureMlAnnotations(entity) };
    } catch (error) {
      if (error instanceof AzureMlAnnotationError) {
        return { result: 'bad-annotation', message: error.message };
      }
      throw error;
    }
  }
}
