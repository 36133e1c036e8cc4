import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  azureMlDnsValidatePermission,
  DnsFinding,
  DnsMigrationStep,
  DnsName,
  DnsValidationHistoryItem,
} from '@internal/plugin-azure-ml-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { useDnsValidations } from '../../hooks/useDnsValidations';
import { errorMessage } from '../../lib/errors';
import { formatTimestamp } from '../../lib/format';
import { AzureMlCard } from '../shared';

const PASS = '#2e7d32';
const FAIL = '#c62828';

function StatusChip(props: { status?: 'passed' | 'failed' }) {
  if (!props.status) return <Chip size="small" label="never run" />;
  return (
    <Chip
      size="small"
      label={props.status === 'passed' ? 'Passed' : 'Failed'}
      style={{
        backgroundColor: props.status === 'passed' ? PASS : FAIL,
        color: '#fff',
      }}
    />
  );
}

/** One bar per run, oldest first: green passed, red failed. */
function HistorySparkline(props: { history: DnsValidationHistoryItem[] }) {
  const runs = [...props.history].reverse();
  const passed = runs.filter(r => r.status === 'passed').length;
  return (
    <Box
      display="flex"
      alignItems="flex-end"
      role="img"
      aria-label={`History: ${passed} of ${runs.length} runs passed`}
    >
      {runs.map(run => (
        <Tooltip
          key={run.id}
          title={`${formatTimestamp(run.startedAt)} · ${run.trigger} · ${
            run.status
          } (${run.findingCount} findings)`}
        >
          <Box
            data-testid="dns-history-bar"
            data-status={run.status}
            width={6}
            height={run.status === 'passed' ? 12 : 20}
            marginRight="2px"
            style={{ backgroundColor: run.status === 'passed' ? PASS : FAIL }}
          />
        </Tooltip>
      ))}
    </Box>
  );
}

function FindingsTable(props: { findings: DnsFinding[] }) {
  return (
    <Table size="small" aria-label="DNS findings">
      <TableHead>
        <TableRow>
          <TableCell>Check</TableCell>
          <TableCell>Name</TableCell>
          <TableCell>Expected</TableCell>
          <TableCell>Actual</TableCell>
          <TableCell>Remediation</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.findings.map((f, i) => (
          <TableRow key={`${f.check}-${f.fqdn}-${i}`}>
            <TableCell>
              <Typography
                variant="body2"
                style={{ color: f.severity === 'error' ? FAIL : undefined }}
              >
                {f.check}
              </Typography>
              <small>{f.severity}</small>
            </TableCell>
            <TableCell style={{ wordBreak: 'break-all' }}>{f.fqdn}</TableCell>
            <TableCell>{f.expected}</TableCell>
            <TableCell>{f.actual}</TableCell>
            <TableCell>{f.remediation}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function NamesTable(props: { names: DnsName[] }) {
  return (
    <Table size="small" aria-label="DNS names">
      <TableHead>
        <TableRow>
          <TableCell>Name</TableCell>
          <TableCell>Of</TableCell>
          <TableCell>Expected</TableCell>
          <TableCell>Resolved</TableCell>
          <TableCell>Lookup</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.names.map(n => (
          <TableRow key={n.fqdn}>
            <TableCell style={{ wordBreak: 'break-all' }}>{n.fqdn}</TableCell>
            <TableCell>{n.source}</TableCell>
            <TableCell>{n.expectedIp}</TableCell>
            <TableCell>{n.resolvedIps?.join(', ') ?? '—'}</TableCell>
            <TableCell>
              {n.lookupMs === undefined ? '' : `${n.lookupMs} ms`}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function MigrationTable(props: { steps: DnsMigrationStep[] }) {
  return (
    <Table size="small" aria-label="DNS migration">
      <TableHead>
        <TableRow>
          <TableCell>Step</TableCell>
          <TableCell>Description</TableCell>
          <TableCell>State</TableCell>
          <TableCell>Evidence</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.steps.map(step => (
          <TableRow key={step.step}>
            <TableCell>{step.step}</TableCell>
            <TableCell>{step.description}</TableCell>
            <TableCell>{step.state}</TableCell>
            <TableCell>{step.evidence}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/**
 * Private DNS validation of one environment: overall status, last run, findings with
 * remediation, the live migration table, the pass/fail history, and "Validate now" for
 * holders of `azure-ml.dns.validate`.
 */
export function DnsValidationCard(props: { environment: string }) {
  const { environment } = props;
  const { validations, loading, error, validate, running, runError } =
    useDnsValidations(environment);
  const permission = usePermission({
    permission: azureMlDnsValidatePermission,
  });
  const latest = validations?.latest;

  let reason: string | undefined;
  if (permission.loading) reason = 'Checking your permissions…';
  else if (!permission.allowed)
    reason = `Only the platform team may run a DNS validation (permission ${azureMlDnsValidatePermission.name}).`;
  const button = (
    <span>
      <Button
        variant="outlined"
        color="primary"
        size="small"
        disabled={!permission.allowed || running}
        onClick={validate}
      >
        {running ? 'Validating…' : 'Validate now'}
      </Button>
    </span>
  );

  let body;
  if (loading && !validations) {
    body = <Progress />;
  } else if (error) {
    body = <ResponseErrorPanel error={error} />;
  } else if (!latest) {
    body = (
      <EmptyState
        missing="data"
        title="Not validated yet"
        description={`No DNS validation of ${environment} has run: the scheduled one will, or run one now.`}
      />
    );
  } else {
    body = (
      <>
        <Box display="flex" alignItems="center" mb={2} style={{ gap: 16 }}>
          <StatusChip status={latest.status} />
          <Typography variant="body2">
            Last run {formatTimestamp(latest.finishedAt)} ({latest.trigger}
            {latest.triggeredBy ? ` by ${latest.triggeredBy}` : ''}),{' '}
            {latest.names.length} names via{' '}
            {latest.resolvers.join(', ') || 'the system resolver'},{' '}
            {latest.armReads} ARM reads, {latest.durationMs} ms
          </Typography>
          <HistorySparkline history={validations?.history ?? []} />
        </Box>
        {latest.findings.length ? (
          <FindingsTable findings={latest.findings} />
        ) : (
          <Typography variant="body2">
            Every name is in its central zone and resolves to its private
            endpoint's IP.
          </Typography>
        )}
        {latest.names.length > 0 && (
          <Box mt={2}>
            <Typography variant="subtitle2">Names checked</Typography>
            <NamesTable names={latest.names} />
          </Box>
        )}
        {latest.migration.length > 0 && (
          <Box mt={2}>
            <Typography variant="subtitle2">Central DNS migration</Typography>
            <MigrationTable steps={latest.migration} />
          </Box>
        )}
      </>
    );
  }
  return (
    <AzureMlCard
      title={`DNS validation · ${environment}`}
      action={reason ? <Tooltip title={reason}>{button}</Tooltip> : button}
    >
      {runError && (
        <Typography color="error" variant="body2" role="alert">
          Validation failed to run: {errorMessage(runError)}
        </Typography>
      )}
      {body}
    </AzureMlCard>
  );
}
