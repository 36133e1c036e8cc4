import {
  EmptyState,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { AzureMlEnvironment } from '@internal/plugin-azure-ml-common';
import Chip from '@material-ui/core/Chip';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import LockIcon from '@material-ui/icons/Lock';
import PublicIcon from '@material-ui/icons/Public';
import { useEnvironments } from '../../hooks';
import { EnvironmentChip, AzureMlCard } from '../shared';

function NetworkMode(props: { environment: AzureMlEnvironment }) {
  const { networkMode, managedNetworkIsolation } = props.environment;
  if (!networkMode) {
    return <>unknown</>;
  }
  return (
    <>
      <Chip
        size="small"
        variant="outlined"
        icon={networkMode === 'private' ? <LockIcon /> : <PublicIcon />}
        label={networkMode}
      />
      {managedNetworkIsolation && ` ${managedNetworkIsolation}`}
    </>
  );
}

/** One row per environment the entity lives in: workspace, registry, region, network. */
export function EnvironmentsCard(props: { only?: string[] }) {
  const { environments, loading, error } = useEnvironments(props.only);
  let body;
  if (loading) {
    body = <Progress />;
  } else if (error) {
    body = <ResponseErrorPanel error={error} />;
  } else if (!environments?.length) {
    body = (
      <EmptyState
        missing="data"
        title="No Azure ML environments"
        description="No environment of this entity is configured under azureMl.environments."
      />
    );
  } else {
    body = (
      <Table size="small" aria-label="Azure ML environments">
        <TableHead>
          <TableRow>
            <TableCell>Environment</TableCell>
            <TableCell>Workspace</TableCell>
            <TableCell>Registry</TableCell>
            <TableCell>Region</TableCell>
            <TableCell>Network</TableCell>
            <TableCell>Studio</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {environments.map(environment => (
            <TableRow key={environment.name}>
              <TableCell>
                <EnvironmentChip environment={environment.name} />
              </TableCell>
              <TableCell>
                {environment.workspace}
                <br />
                <small>{environment.resourceGroup}</small>
              </TableCell>
              <TableCell>{environment.registry}</TableCell>
              <TableCell>{environment.location}</TableCell>
              <TableCell>
                <NetworkMode environment={environment} />
              </TableCell>
              <TableCell>
                <Link to={environment.studioUrl}>Open workspace</Link>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    );
  }
  return (
    <AzureMlCard title="Environments" noPadding={!loading && !error}>
      {body}
    </AzureMlCard>
  );
}
