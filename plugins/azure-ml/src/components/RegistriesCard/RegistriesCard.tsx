import {
  EmptyState,
  Link,
  Progress,
  ResponseErrorPanel,
  StatusError,
  StatusOK,
  StatusPending,
  StatusWarning,
} from '@backstage/core-components';
import { PrivateEndpointState } from '@internal/plugin-azure-ml-common';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import { useRegistries } from '../../hooks';
import { EnvironmentChip, AzureMlCard } from '../shared';

function EndpointState(props: { endpoint: PrivateEndpointState }) {
  const { name, status } = props.endpoint;
  const label = `${name}: ${status}`;
  switch (status) {
    case 'Approved':
      return <StatusOK>{label}</StatusOK>;
    case 'Pending':
      return <StatusPending>{label}</StatusPending>;
    default:
      return <StatusError>{label}</StatusError>;
  }
}

/** The registries of the entity's environments and how they are reached on the network. */
export function RegistriesCard(props: { only?: string[] }) {
  const { registries: all, loading, error } = useRegistries();
  const only = props.only;
  const registries = only
    ? all?.filter(r => only.includes(r.environment))
    : all;
  let body;
  if (loading) {
    body = <Progress />;
  } else if (error) {
    body = <ResponseErrorPanel error={error} />;
  } else if (!registries?.length) {
    body = (
      <EmptyState
        missing="data"
        title="No Azure ML registries"
        description="No registry is configured for this entity's environments."
      />
    );
  } else {
    body = (
      <Table size="small" aria-label="Azure ML registries">
        <TableHead>
          <TableRow>
            <TableCell>Registry</TableCell>
            <TableCell>Environment</TableCell>
            <TableCell>Regions</TableCell>
            <TableCell>Public network access</TableCell>
            <TableCell>Private endpoints</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {registries.map(registry => (
            <TableRow key={`${registry.environment}/${registry.name}`}>
              <TableCell>
                <Link to={registry.studioUrl}>{registry.name}</Link>
              </TableCell>
              <TableCell>
                <EnvironmentChip environment={registry.environment} />
              </TableCell>
              <TableCell>
                <Box display="flex" flexWrap="wrap" style={{ gap: 4 }}>
                  {(registry.regions.length
                    ? registry.regions
                    : [registry.location]
                  ).map(region => (
                    <Chip key={region} size="small" label={region} />
                  ))}
                </Box>
              </TableCell>
              <TableCell>
                {registry.publicNetworkAccess === 'Disabled' ? (
                  <StatusOK>Disabled</StatusOK>
                ) : (
                  <StatusWarning>{registry.publicNetworkAccess}</StatusWarning>
                )}
              </TableCell>
              <TableCell>
                {registry.privateEndpoints.length === 0
                  ? 'none'
                  : registry.privateEndpoints.map(endpoint => (
                      <Box key={endpoint.name}>
                        <EndpointState endpoint={endpoint} />
                      </Box>
                    ))}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    );
  }
  return (
    <AzureMlCard title="Registries" noPadding={!loading && !error}>
      {body}
    </AzureMlCard>
  );
}
