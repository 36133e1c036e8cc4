import { Table, TableColumn } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { Promotion } from '@internal/plugin-azure-ml-common';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { formatTimestamp } from '../../lib/format';
import { StudioLink } from '../shared';
import { DecisionButtons } from './DecisionButtons';
import { PersonName } from './PersonName';
import { PromotionKindChip, PromotionStateLabel } from './PromotionStateChip';

type Row = Promotion & { id: string };

function PolicyChip(props: { promotion: Promotion }) {
  const { evaluation } = props.promotion;
  if (!evaluation) return <>–</>;
  const lines = evaluation.rules.map(
    r => `${r.passed ? '✓' : '✗'} ${r.rule}: ${r.reason}`,
  );
  return (
    <Tooltip
      title={
        <span style={{ whiteSpace: 'pre-line' }}>
          {lines.join('\n') || 'No rules'}
        </span>
      }
    >
      <Chip
        size="small"
        label={evaluation.passed ? 'passed' : 'failed'}
        color={evaluation.passed ? 'primary' : 'secondary'}
        variant="outlined"
      />
    </Tooltip>
  );
}

function Person(props: { when?: string; who?: string; comment?: string }) {
  return (
    <Box>
      <Typography variant="body2">
        {formatTimestamp(props.when) ?? '–'}
      </Typography>
      {props.who && (
        <Typography variant="caption" color="textSecondary" component="div">
          <PersonName who={props.who} link />
        </Typography>
      )}
      {props.comment && (
        <Typography variant="caption" component="div">
          “{props.comment}”
        </Typography>
      )}
    </Box>
  );
}

/**
 * Promotion and rollback requests: who asked for what and when, the policy result, the state
 * and who decided, a link to the target version in Azure ML studio, and Approve / Reject on
 * pending requests.
 */
export function PromotionsTable(props: {
  promotions: Promotion[];
  showEntity?: boolean;
  onChanged: () => void;
}) {
  const columns: TableColumn<Row>[] = [
    {
      title: 'Requested',
      field: 'createdAt',
      cellStyle: { whiteSpace: 'nowrap' },
      render: p => (
        <Person
          when={p.createdAt}
          who={p.requestedBy}
          comment={p.requestComment}
        />
      ),
    },
    ...(props.showEntity
      ? [
          {
            title: 'Entity',
            field: 'entityRef',
            render: p => <EntityRefLink entityRef={p.entityRef} />,
          } as TableColumn<Row>,
        ]
      : []),
    {
      title: 'What',
      render: p => (
        <Box>
          <Typography variant="body2" style={{ whiteSpace: 'nowrap' }}>
            {p.model}{' '}
            {p.kind === 'rollback'
              ? `champion → v${p.targetVersion}`
              : `v${p.sourceVersion}`}
          </Typography>
          <Box display="flex" alignItems="center" style={{ gap: 6 }}>
            <PromotionKindChip kind={p.kind} />
            <Typography
              variant="caption"
              color="textSecondary"
              style={{ whiteSpace: 'nowrap' }}
            >
              {p.kind === 'rollback'
                ? `in ${p.targetEnvironment}`
                : `${p.sourceEnvironment} → ${p.targetEnvironment} v${p.targetVersion}`}
            </Typography>
          </Box>
          {p.previousChampion && (
            <Typography variant="caption" color="textSecondary">
              champion was v{p.previousChampion}
            </Typography>
          )}
        </Box>
      ),
    },
    {
      title: 'Policy',
      render: p => <PolicyChip promotion={p} />,
    },
    {
      title: 'State',
      render: p => (
        <Box>
          <PromotionStateLabel state={p.state} kind={p.kind} />
          {p.decidedBy && (
            <Typography variant="caption" color="textSecondary" component="div">
              {p.state === 'rejected' ? 'rejected' : 'approved'} by{' '}
              <PersonName who={p.decidedBy} link />
              {p.decisionComment ? `: “${p.decisionComment}”` : ''}
            </Typography>
          )}
          {p.lastError && p.state !== 'succeeded' && (
            <Typography variant="caption" color="error" component="div">
              {p.lastError}
            </Typography>
          )}
        </Box>
      ),
    },
    {
      title: 'Updated',
      field: 'updatedAt',
      cellStyle: { whiteSpace: 'nowrap' },
      render: p => formatTimestamp(p.updatedAt) ?? '–',
    },
    {
      title: '',
      sorting: false,
      cellStyle: { whiteSpace: 'nowrap' },
      render: p =>
        p.state === 'pending_approval' ? (
          <DecisionButtons promotion={p} onDecided={props.onChanged} />
        ) : (
          <StudioLink
            href={p.state === 'succeeded' ? p.targetStudioUrl : undefined}
            title={`Open ${p.model} v${p.targetVersion} (${p.targetEnvironment}) in Azure ML studio`}
          />
        ),
    },
  ];
  return (
    <Table<Row>
      data={props.promotions.map(p => ({ ...p }))}
      columns={columns}
      options={{
        toolbar: false,
        paging: false,
        search: false,
        padding: 'dense',
        draggable: false,
      }}
    />
  );
}
