import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { AzureMlEnvironment } from '@internal/plugin-azure-ml-common';
import Grid from '@material-ui/core/Grid';
import { useEntityEnvironment } from '../../hooks';
import { AZURE_ML_RESOURCE_TYPES, resourceType } from '../../resources';
import { DnsValidationCard } from '../DnsValidation';
import { EnvironmentsCard } from '../EnvironmentsCard';
import { RegistriesCard } from '../RegistriesCard';
import { NoConfiguredEnvironment } from '../shared';
import { RegistryModelsCard } from './RegistryModelsCard';
import { WorkspaceRunsCard } from './WorkspaceRunsCard';

/** An environment: its workspace and network, its registry, its private DNS validation. */
function EnvironmentContent(props: { environment: AzureMlEnvironment }) {
  const only = [props.environment.name];
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <EnvironmentsCard only={only} />
      </Grid>
      <Grid item xs={12}>
        <RegistriesCard only={only} />
      </Grid>
      <Grid item xs={12}>
        <DnsValidationCard environment={props.environment.name} />
      </Grid>
    </Grid>
  );
}

/** A workspace: where it is and how it is reached, and the pipeline runs in it. */
function WorkspaceContent(props: { environment: AzureMlEnvironment }) {
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <EnvironmentsCard only={[props.environment.name]} />
      </Grid>
      <Grid item xs={12}>
        <WorkspaceRunsCard environment={props.environment} />
      </Grid>
    </Grid>
  );
}

/** A registry: how it is reached, the models it holds and their versions. */
function RegistryContent(props: { environment: AzureMlEnvironment }) {
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <RegistriesCard only={[props.environment.name]} />
      </Grid>
      <Grid item xs={12}>
        <RegistryModelsCard environment={props.environment} />
      </Grid>
    </Grid>
  );
}

/**
 * The "Azure ML" tab of a discovered platform Resource, with what fits its `spec.type`: an
 * environment's workspace, registry and DNS validation; a workspace's pipeline runs; a
 * registry's models and their versions. The entity is matched to its configured environment
 * by its `ml.azure.com/workspace` (and resource group) annotations.
 */
export function AzureMlResourceContent() {
  const { entity } = useEntity();
  const { environment, workspace, loading, error } = useEntityEnvironment();
  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  if (!environment) return <NoConfiguredEnvironment workspace={workspace} />;
  switch (resourceType(entity)) {
    case AZURE_ML_RESOURCE_TYPES.environment:
      return <EnvironmentContent environment={environment} />;
    case AZURE_ML_RESOURCE_TYPES.workspace:
      return <WorkspaceContent environment={environment} />;
    case AZURE_ML_RESOURCE_TYPES.registry:
      return <RegistryContent environment={environment} />;
    default:
      return (
        <EmptyState
          missing="info"
          title="Not an Azure ML platform resource"
          description={`This content is for Resources of type ${AZURE_ML_RESOURCE_TYPES.environment}, ${AZURE_ML_RESOURCE_TYPES.workspace} or ${AZURE_ML_RESOURCE_TYPES.registry}.`}
        />
      );
  }
}
