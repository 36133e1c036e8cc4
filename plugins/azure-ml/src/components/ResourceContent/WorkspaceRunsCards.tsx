import {
  CompoundEntityRef,
  Entity,
  getCompoundEntityRef,
} from '@backstage/catalog-model';
import { EmptyState } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  CATALOG_FILTER_EXISTS,
  catalogApiRef,
} from '@backstage/plugin-catalog-react';
import {
  AZURE_ML_EXPERIMENT_ANNOTATION,
  AzureMlAnnotationError,
  AzureMlAnnotations,
  AzureMlEnvironment,
  getAzureMlAnnotations,
} from '@internal/plugin-azure-ml-common';
import Grid from '@material-ui/core/Grid';
import useAsync from 'react-use/esm/useAsync';
import { PipelineRunsCard } from '../PipelineRunsCard';
import { PendingCard } from '../shared';

interface Experiment {
  entityRef: CompoundEntityRef;
  entityTitle: string;
  annotations: AzureMlAnnotations & { experiment: string };
}

/**
 * The experiments that run in `environment`: one per experiment name, declared by a catalog
 * entity (`ml.azure.com/experiment`) whose environments include it. Entities with malformed
 * annotations are left out (their own Azure ML tab says what is wrong).
 */
function experimentsIn(entities: Entity[], environment: string): Experiment[] {
  const byName = new Map<string, Experiment>();
  for (const entity of entities) {
    let annotations: AzureMlAnnotations;
    try {
      annotations = getAzureMlAnnotations(entity);
    } catch (error) {
      if (error instanceof AzureMlAnnotationError) continue;
      throw error;
    }
    const { experiment, environments } = annotations;
    if (!experiment || byName.has(experiment)) continue;
    if (environments && !environments.includes(environment)) continue;
    byName.set(experiment, {
      entityRef: getCompoundEntityRef(entity),
      entityTitle: entity.metadata.title ?? entity.metadata.name,
      annotations: { ...annotations, experiment },
    });
  }
  return [...byName.values()].sort((a, b) =>
    a.annotations.experiment.localeCompare(b.annotations.experiment),
  );
}

/**
 * The pipeline runs in an environment's workspace: a runs card per experiment that a catalog
 * entity declares for it, narrowed to this environment. The backend lists runs per entity
 * experiment only, so runs of experiments no entity declares are not shown.
 */
export function WorkspaceRunsCards(props: { environment: AzureMlEnvironment }) {
  const { name, workspace } = props.environment;
  const catalogApi = useApi(catalogApiRef);
  const { value, loading, error } = useAsync(async () => {
    const { items } = await catalogApi.getEntities({
      filter: {
        [`metadata.annotations.${AZURE_ML_EXPERIMENT_ANNOTATION}`]:
          CATALOG_FILTER_EXISTS,
      },
      fields: ['kind', 'metadata', 'spec.type'],
    });
    return experimentsIn(items, name);
  }, [catalogApi, name]);

  const title = `Pipeline runs in ${workspace}`;
  if (loading || error || !value?.length) {
    return (
      <PendingCard
        title={title}
        loading={loading}
        error={error}
        empty={
          <EmptyState
            missing="data"
            title="No experiments in this workspace"
            description={`No catalog entity declares an experiment (${AZURE_ML_EXPERIMENT_ANNOTATION}) that runs in environment ${name}.`}
          />
        }
      />
    );
  }
  return (
    <Grid container spacing={3}>
      {value.map(e => (
        <Grid item xs={12} key={e.annotations.experiment}>
          <PipelineRunsCard
            entityRef={e.entityRef}
            annotations={e.annotations}
            environment={name}
            title={`${title} · ${e.annotations.experiment} (${e.entityTitle})`}
          />
        </Grid>
      ))}
    </Grid>
  );
}
