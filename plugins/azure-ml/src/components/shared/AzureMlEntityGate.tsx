import { WarningPanel } from '@backstage/core-components';
import { CompoundEntityRef } from '@backstage/catalog-model';
import { MissingAnnotationEmptyState } from '@backstage/plugin-catalog-react';
import {
  AZURE_ML_MODELS_ANNOTATION,
  AzureMlAnnotations,
} from '@internal/plugin-azure-ml-common';
import { ReactNode } from 'react';
import { useAzureMlEntity } from '../../hooks';

/**
 * Renders `children` with the entity's Azure ML annotations, or explains what is missing
 * or malformed instead.
 */
export function AzureMlEntityGate(props: {
  children: (
    annotations: AzureMlAnnotations,
    entityRef: CompoundEntityRef,
  ) => ReactNode;
}) {
  const result = useAzureMlEntity();
  if (result.missing) {
    return (
      <MissingAnnotationEmptyState annotation={AZURE_ML_MODELS_ANNOTATION} />
    );
  }
  if (result.annotationError) {
    return (
      <WarningPanel
        severity="error"
        title="Invalid Azure ML annotation"
        message={result.annotationError.message}
      />
    );
  }
  return <>{props.children(result.annotations, result.entityRef)}</>;
}
