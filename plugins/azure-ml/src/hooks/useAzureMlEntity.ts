import { useMemo } from 'react';
import { getCompoundEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  AzureMlAnnotationError,
  AzureMlAnnotations,
  getAzureMlAnnotations,
  isAzureMlAvailable,
} from '@internal/plugin-azure-ml-common';

/**
 * The current entity's reference and parsed Azure ML annotations. `missing` when the entity
 * names no model; `annotationError` when an annotation is malformed.
 */
export function useAzureMlEntity() {
  const { entity } = useEntity();
  return useMemo(() => {
    const entityRef = getCompoundEntityRef(entity);
    if (!isAzureMlAvailable(entity)) {
      return { entityRef, missing: true as const };
    }
    try {
      const annotations: AzureMlAnnotations = getAzureMlAnnotations(entity);
      return { entityRef, annotations, missing: false as const };
    } catch (e) {
      if (e instanceof AzureMlAnnotationError) {
        return { entityRef, annotationError: e, missing: false as const };
      }
      throw e;
    }
  }, [entity]);
}
