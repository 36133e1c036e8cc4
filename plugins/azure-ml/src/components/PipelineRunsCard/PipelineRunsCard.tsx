import { EmptyState, Link, TableColumn } from '@backstage/core-components';
import { CompoundEntityRef } from '@backstage/catalog-model';
import { MissingAnnotationEmptyState } from '@backstage/plugin-catalog-react';
import {
  AZURE_ML_EXPERIMENT_ANNOTATION,
  AzureMlAnnotations,
  PIPELINE_RUN_STATUSES,
  PipelineRun,
  PipelineRunStatus,
} from '@internal/plugin-azure-ml-common';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { useMemo, useState } from 'react';
import { useCursorPaging, usePipelineRuns } from '../../hooks';
import { formatRelativeTime, formatTimestamp } from '../../lib/format';
import {
  EnvironmentChip,
  FilterSelect,
  PagedTableCard,
  RunStatus,
  StudioLink,
  AzureMlCard,
} from '../shared';
import { RunSteps } from './RunSteps';

type Row = PipelineRun & { key: string };

const noWrap = { whiteSpace: 'nowrap' } as const;

// Name and experiment share a cell so that the steps fit in one line.
const columns: TableColumn<Row>[] = [
  {
    title: 'Status',
    field: 'status',
    cellStyle: noWrap,
    render: row => <RunStatus status={row.status} />,
  },
  {
    title: 'Run',
    field: 'displayName',
    cellStyle: noWrap,
    render: row => (
      <>
        <Link to={row.studioUrl}>{row.displayName ?? row.id}</Link>
        <Typography variant="caption" color="textSecondary" display="block">
          {row.experiment}
        </Typography>
      </>
    ),
  },
  {
    title: 'Env',
    field: 'environment',
    render: row => <EnvironmentChip environment={row.environment} />,
  },
  {
    title: 'Submitted',
    field: 'createdAt',
    cellStyle: noWrap,
    // The job's systemData.createdAt: ARM's job schema has no start/end time, so no duration.
    render: row => (
      <Tooltip title={formatRelativeTime(row.createdAt) ?? ''}>
        <span>{formatTimestamp(row.createdAt) ?? '–'}</span>
      </Tooltip>
    ),
  },
  {
    title: 'Steps',
    sorting: false,
    render: row => <RunSteps steps={row.steps} />,
  },
  {
    title: 'Studio',
    sorting: false,
    render: row => (
      <StudioLink
        href={row.studioUrl}
        title={`Open run ${row.id} in Azure ML studio`}
      />
    ),
  },
];

type PipelineRunsCardProps = {
  entityRef: CompoundEntityRef;
  annotations: AzureMlAnnotations;
  /** Only the runs in this environment's workspace (e.g. on a workspace's page). */
  environment?: string;
  title?: string;
  pageSize?: number;
};

function PipelineRunsTable(
  props: PipelineRunsCardProps & { title: string; experiment: string },
) {
  const { entityRef, title, experiment, environment } = props;
  const [status, setStatus] = useState<PipelineRunStatus | ''>('');
  const paging = useCursorPaging(props.pageSize ?? 10);
  const { page, loading, error } = usePipelineRuns(entityRef, {
    environment,
    status: status || undefined,
    cursor: paging.cursor,
    limit: paging.pageSize,
  });
  const rows = useMemo(
    () =>
      (page?.items ?? []).map(run => ({
        ...run,
        key: `${run.environment}/${run.id}`,
      })),
    [page],
  );
  return (
    <PagedTableCard<Row>
      title={title}
      filter={
        <FilterSelect
          label="Status"
          allLabel="All statuses"
          value={status}
          options={PIPELINE_RUN_STATUSES}
          onChange={value => {
            setStatus(value);
            paging.reset();
          }}
        />
      }
      loading={loading}
      error={error}
      rows={rows}
      columns={columns}
      paging={paging}
      nextCursor={page?.nextCursor}
      empty={
        <EmptyState
          missing="data"
          title="No pipeline runs"
          description={`No runs of experiment ${experiment}${
            environment ? ` in ${environment}` : ''
          }${status ? ` with status ${status}` : ''}.`}
        />
      }
    />
  );
}

/**
 * The pipeline runs of the entity's experiment, one server page at a time, newest first.
 */
export function PipelineRunsCard(props: PipelineRunsCardProps) {
  const title = props.title ?? 'Pipeline runs';
  const experiment = props.annotations.experiment;
  if (!experiment) {
    return (
      <AzureMlCard title={title}>
        <MissingAnnotationEmptyState
          annotation={AZURE_ML_EXPERIMENT_ANNOTATION}
        />
      </AzureMlCard>
    );
  }
  return <PipelineRunsTable {...props} title={title} experiment={experiment} />;
}
