import { EmptyState, Link, TableColumn } from '@backstage/core-components';
import { CompoundEntityRef } from '@backstage/catalog-model';
import { MissingAnnotationEmptyState } from '@backstage/plugin-catalog-react';
import {
  AZURE_ML_EXPERIMENT_ANNOTATION,
  AzureMlAnnotations,
  PIPELINE_RUN_STATUSES,
  PipelineRunStatus,
} from '@internal/plugin-azure-ml-common';
import Typography from '@material-ui/core/Typography';
import { useMemo, useState } from 'react';
import { useCursorPaging, usePipelineRuns } from '../../hooks';
import {
  EnvironmentChip,
  FilterSelect,
  PagedTableCard,
  AzureMlCard,
} from '../shared';
import { RunRow, runColumns } from './runColumns';

type Row = RunRow;

const noWrap = { whiteSpace: 'nowrap' } as const;

// Name and experiment share a cell so that the steps fit in one line.
const columns: TableColumn<Row>[] = [
  runColumns.status,
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
  runColumns.submitted,
  runColumns.steps,
  runColumns.studio,
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
