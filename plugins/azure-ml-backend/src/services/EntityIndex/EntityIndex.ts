import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  AZURE_ML_MODELS_ANNOTATION,
  AzureMlAnnotations,
  getAzureMlAnnotations,
} from '@internal/plugin-azure-ml-common';
import { CatalogService } from '@backstage/plugin-catalog-node';

const PAGE_SIZE = 500;

const keys = new WeakMap<AzureMlAnnotations, string>();

/**
 * Stable text form of a set of annotations, for cache keys and comparisons. Annotation objects
 * are never mutated after parsing, so the text is kept per object (hot path of every read).
 */
export function annotationsKey(annotations: AzureMlAnnotations): string {
  let key = keys.get(annotations);
  if (key === undefined) {
    key = JSON.stringify([
      annotations.models,
      annotations.experiment ?? null,
      annotations.environments ?? null,
    ]);
    keys.set(annotations, key);
  }
  return key;
}

/**
 * The Azure ML annotations of every catalog entity that has them, read with the plugin's own
 * service credentials and refreshed on a schedule. It is a hint, never an authorization: the
 * read routes use it to start the ARM reads of an entity while the caller's own catalog read
 * and permission check are still running, and answer only after that check passed and with
 * the annotations it returned (a stale hint just costs one more read).
 */
export class EntityIndex {
  private entries = new Map<string, AzureMlAnnotations>();

  constructor(
    private readonly deps: {
      auth: AuthService;
      catalog: CatalogService;
      logger: LoggerService;
    },
  ) {}

  /** The indexed annotations of `entityRef` (lower-case `kind:namespace/name`), if any. */
  get(entityRef: string): AzureMlAnnotations | undefined {
    return this.entries.get(entityRef);
  }

  /** Records what a successful, authorized read returned, so the hint follows edits quickly. */
  remember(entityRef: string, annotations: AzureMlAnnotations): void {
    this.entries.set(entityRef, annotations);
  }

  get size(): number {
    return this.entries.size;
  }

  /** Reads every entity with an `ml.azure.com/models` annotation from the catalog. */
  async refresh(): Promise<void> {
    const { auth, catalog, logger } = this.deps;
    const credentials = await auth.getOwnServiceCredentials();
    const next = new Map<string, AzureMlAnnotations>();
    let cursor: string | undefined;
    do {
      const page = await catalog.queryEntities(
        cursor
          ? { cursor, limit: PAGE_SIZE }
          : {
              filter: {
                [`metadata.annotations.${AZURE_ML_MODELS_ANNOTATION}`]:
                  CATALOG_FILTER_EXISTS,
              },
              fields: [
                'kind',
                'metadata.namespace',
                'metadata.name',
                'metadata.annotations',
              ],
              limit: PAGE_SIZE,
            },
        { credentials },
      );
      for (const entity of page.items) {
        try {
          next.set(
            stringifyEntityRef(entity).toLocaleLowerCase('en-US'),
            getAzureMlAnnotations(entity),
          );
        } catch {
          // Malformed annotations: the read routes answer 400 for this entity anyway.
        }
      }
      cursor = page.pageInfo.nextCursor;
    } while (cursor);
    if (next.size !== this.entries.size) {
      logger.info(`Azure ML entity index: ${next.size} entities`);
    }
    this.entries = next;
  }
}
