import {
  AuthService,
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ReadThroughCache } from '../../lib/ReadThroughCache';
import { callerKey, checkEntityRead } from './entityRead';

type Access = { result: 'allowed' | 'not-found' | 'denied' };

/**
 * The check of a platform read (`/environments/{env}/models|runs`): the caller must see the
 * environment's discovered Resource in the catalog (`resource:default/aml-registry-<env>`,
 * `aml-workspace-<env>`; else 404) and be allowed `azure-ml.entity.read` on it (else 403), so
 * that the permission policy decides these reads like any entity's (by ownership, for
 * instance). Like {@link EntityAccess}, but the entity's annotations do not matter; the answer
 * is kept for a few seconds per caller and entity.
 */
export class PlatformAccess {
  constructor(
    private readonly deps: {
      auth: AuthService;
      catalog: CatalogService;
      permissions: PermissionsService;
      cache: ReadThroughCache;
      ttlMs: number;
    },
  ) {}

  async authorize(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<void> {
    const ref = entityRef.toLowerCase();
    const access = await this.deps.cache.get<Access>(
      `platform-access:v1:${callerKey(this.deps.auth, credentials)}:${ref}`,
      this.deps.ttlMs,
      () => this.check(ref, credentials),
    );
    if (access.result === 'not-found') {
      throw new NotFoundError(
        `Entity '${entityRef}' not found (the Azure ML catalog module discovers it)`,
      );
    }
    if (access.result === 'denied') {
      throw new NotAllowedError(
        `Not allowed to read the Azure ML data of '${entityRef}'`,
      );
    }
  }

  private async check(
    ref: string,
    credentials: BackstageCredentials,
  ): Promise<Access> {
    const { result } = await checkEntityRead(this.deps, ref, credentials);
    return { result };
  }
}
