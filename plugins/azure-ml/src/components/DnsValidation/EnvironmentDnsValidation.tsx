import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import { useEnvironments } from '../../hooks';
import { DnsValidationCard } from './DnsValidationCard';

/** A DNS validation card per environment (all configured ones, or `only` these). */
export function DnsValidationCards(props: { only?: string[] }) {
  const { environments, loading, error } = useEnvironments(props.only);
  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  return (
    <Grid container spacing={3}>
      {(environments ?? []).map(env => (
        <Grid item xs={12} key={env.name}>
          <DnsValidationCard environment={env.name} />
        </Grid>
      ))}
    </Grid>
  );
}

const WORKSPACE = 'ml.azure.com/workspace';
const RESOURCE_GROUP = 'ml.azure.com/resource-group';

/**
 * The DNS validation card of an `azure-ml-environment` Resource: the configured environment
 * whose workspace (and resource group, when annotated) the entity names.
 */
export function EntityDnsValidationCard() {
  const { entity } = useEntity();
  const { environments, loading, error } = useEnvironments();
  const annotations = entity.metadata.annotations ?? {};
  const workspace = annotations[WORKSPACE]?.toLocaleLowerCase('en-US');
  const resourceGroup = annotations[RESOURCE_GROUP]?.toLocaleLowerCase('en-US');
  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  const env = environments?.find(
    e =>
      e.workspace.toLocaleLowerCase('en-US') === workspace &&
      (!resourceGroup ||
        e.resourceGroup.toLocaleLowerCase('en-US') === resourceGroup),
  );
  if (!env) {
    return (
      <EmptyState
        missing="info"
        title="No configured environment"
        description={`No entry of azureMl.environments has the workspace '${
          annotations[WORKSPACE] ?? '(no ml.azure.com/workspace annotation)'
        }'.`}
      />
    );
  }
  return <DnsValidationCard environment={env.name} />;
}
