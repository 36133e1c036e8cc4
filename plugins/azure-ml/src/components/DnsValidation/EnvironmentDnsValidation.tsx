import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import { useEntityEnvironment, useEnvironments } from '../../hooks';
import { NoConfiguredEnvironment } from '../shared';
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

/**
 * The DNS validation card of an `azure-ml-environment` Resource: the configured environment
 * whose workspace (and resource group, when annotated) the entity names.
 */
export function EntityDnsValidationCard() {
  const { environment, workspace, loading, error } = useEntityEnvironment();
  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  if (!environment) return <NoConfiguredEnvironment workspace={workspace} />;
  return <DnsValidationCard environment={environment.name} />;
}
