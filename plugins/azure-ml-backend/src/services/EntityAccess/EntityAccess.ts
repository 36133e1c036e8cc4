import {
  AuthService,
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import {
  AzureMlAnnotationError,
  AzureMlAnnotations,
  getAzureMlAnnotations,
} from '@internal/plugin-azure-ml-common';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ReadThroughCache } from '../../lib/ReadThroughCache';
import { callerKey, checkEntityRead } from './entityRead';

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
      `access:v1:${callerKey(this.deps.auth, credentials)}:${ref}`,
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

  private async check(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<Access> {
    const read = await checkEntityRead(this.deps, entityRef, credentials);
    if (read.result !== 'allowed') {
      return read;
    }
    try {
      return { result: 'ok', annotations: getAzureMlAnnotations(read.entity) };
    } catch (error) {
      if (error instanceof AzureMlAnnotationError) {
        return { result: 'bad-annotation', message: error.message };
      }
      throw error;
    }
  }
}
