/**
 * Tag the portal's promotion sets on a version it copies into the target registry, naming the
 * version it came from: `<source registry>/<model>/<source version>`. @public
 */
export const PROMOTED_FROM_TAG = 'azure-ml-portal.promoted-from';

/** Where a promoted version came from. @public */
export interface PromotedFrom {
  registry: string;
  model: string;
  version: string;
}

/** The value of {@link PROMOTED_FROM_TAG} for a copy of `from`. @public */
export function formatPromotedFrom(from: PromotedFrom): string {
  return `${from.registry}/${from.model}/${from.version}`;
}

/** Reads a {@link PROMOTED_FROM_TAG} value; undefined when absent or malformed. @public */
export function parsePromotedFrom(
  value: string | undefined,
): PromotedFrom | undefined {
  const match = value?.match(/^([^/]+)\/([^/]+)\/([^/]+)$/);
  return match
    ? { registry: match[1], model: match[2], version: match[3] }
    : undefined;
}
