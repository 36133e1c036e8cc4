import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { AzureMlAnnotations } from '@internal/plugin-azure-ml-common';
import { RenderedResponse, ResponseCache } from '../../lib/ResponseCache';
import type { AzureMlEntityAccess } from '../refs';
import { annotationsKey, EntityIndex } from '../EntityIndex/EntityIndex';

/** A read of one entity's data: what to compute from its annotations, and under which key. */
export interface EntityDataRead {
  /** The route's name, part of the response cache key (e.g. `models`). */
  route: string;
  /** The request's query and path values that shape the answer, also part of the key. */
  query: Record<string, string | undefined>;
  /** Computes the answer from the entity's annotations. */
  produce(annotations: AzureMlAnnotations): Promise<unknown>;
}

/** The outcome of a read that was started before it was known to be wanted. */
type Settled =
  | { ok: true; value: RenderedResponse }
  | { ok: false; error: unknown };

function settle(promise: Promise<RenderedResponse>): Promise<Settled> {
  return promise.then(
    value => ({ ok: true as const, value }),
    error => ({ ok: false as const, error }),
  );
}

/**
 * Reads one entity's Azure ML data for one caller, early when it can.
 *
 * The caller's catalog read and permission check ({@link AzureMlEntityAccess}) always run and
 * always decide. When the {@link EntityIndex} already knows the entity's annotations, the data
 * read starts at the same time as the check, so a cold request costs about one ARM round trip
 * instead of a catalog round trip plus one. The early result is used only when the check
 * passed and returned the same annotations; otherwise it is dropped (its failure included:
 * the settled form never rejects, so nothing is left unhandled) and the data is read again
 * from the annotations the check returned, which the index then remembers.
 */
export class EntityReader {
  constructor(
    private readonly deps: {
      entityAccess: AzureMlEntityAccess;
      entityIndex: EntityIndex;
      responses: ResponseCache;
    },
  ) {}

  /**
   * The rendered answer for `entityRef` (`kind:namespace/name`, any case).
   * @throws what the access check throws (NotFoundError, NotAllowedError, InputError), else
   *   what the data read throws
   */
  async read(
    entityRef: string,
    credentials: BackstageCredentials,
    request: EntityDataRead,
  ): Promise<RenderedResponse> {
    // Entity names, kinds and namespaces are ASCII ([A-Za-z0-9-_.]), so this is exact.
    const ref = entityRef.toLowerCase();
    const queryKey = JSON.stringify(request.query);
    const readData = (annotations: AzureMlAnnotations) =>
      this.deps.responses.get(
        `${request.route}:${annotationsKey(annotations)}:${queryKey}`,
        () => request.produce(annotations),
      );

    const hint = this.deps.entityIndex.get(ref);
    const early = hint
      ? { key: annotationsKey(hint), result: settle(readData(hint)) }
      : undefined;

    const annotations = await this.deps.entityAccess.annotationsFor(
      entityRef,
      credentials,
    );
    if (early && early.key === annotationsKey(annotations)) {
      const outcome = await early.result;
      if (outcome.ok) {
        return outcome.value;
      }
      throw outcome.error;
    }
    this.deps.entityIndex.remember(ref, annotations);
    return readData(annotations);
  }
}
