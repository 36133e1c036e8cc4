import { EmptyState, Link, TableColumn } from '@backstage/core-components';
import {
  AzureMlEnvironment,
  PIPELINE_RUN_STATUSES,
  PipelineRunStatus,
} from '@internal/plugin-azure-ml-common';
import Box from '@material-ui/core/Box';
import { useEffect, useMemo, useState } from 'react';
import { useCursorPaging, useEnvironmentRuns } from '../../hooks';
import { RunRow, runColumns } from '../PipelineRunsCard/runColumns';
import { FilterSelect, PagedTableCard } from '../shared';

type Row = RunRow;

const noWrap = { whiteSpace: 'nowrap' } as const;

const columns: TableColumn<Row>[] = [
  runColumns.status,
  {
    title: 'Run',
    field: 'displayName',
    cellStyle: noWrap,
    render: row => <Link to={row.studioUrl}>{row.displayName ?? row.id}</Link>,
  },
  { title: 'Experiment', field: 'experiment', cellStyle: noWrap },
  runColumns.submitted,
  { title: 'Submitted by', field: 'createdBy', emptyValue: '–' },
  runColumns.steps,
  runColumns.studio,
];

/**
 * The pipeline runs in an environment's workspace, of every experiment (the backend lists
 * the workspace's pipeline jobs), newest first, one server page at a time; narrowed by
 * status and by one of the experiments seen so far.
 */
export function WorkspaceRunsCard(props: { environment: AzureMlEnvironment }) {
  const { name, workspace } = props.environment;
  const [status, setStatus] = useState<PipelineRunStatus | ''>('');
  const [experiment, setExperiment] = useState('');
  const paging = useCursorPaging(10);
  const { page, loading, error } = useEnvironmentRuns(name, {
    experiment: experiment || undefined,
    status: status || undefined,
    cursor: paging.cursor,
    limit: paging.pageSize,
  });
  // The experiment filter offers the experiments of the pages seen (the backend has no list
  // of a workspace's experiments).
  const [experiments, setExperiments] = useState<string[]>([]);
  useEffect(() => {
    const seen = (page?.items ?? []).map(run => run.experiment);
    setExperiments(known => {
      const next = [...new Set([...known, ...seen])].sort();
      return next.length === known.length ? known : next;
    });
  }, [page]);
  const rows = useMemo(
    () => (page?.items ?? []).map(run => ({ ...run, key: run.id })),
    [page],
  );
  return (
    <PagedTableCard<Row>
      title={`Pipeline runs in ${workspace}`}
      filter={
        <Box display="flex" style={{ gap: 8 }}>
          <FilterSelect
            label="Experiment"
            allLabel="All experiments"
            value={experiment}
            options={experiments}
            onChange={value => {
              setExperiment(value);
              paging.reset();
            }}
          />
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
        </Box>
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
          description={`No pipeline runs in workspace ${workspace}${
            experiment ? ` of experiment ${experiment}` : ''
          }${status ? ` with status ${status}` : ''}.`}
        />
      }
    />
  );
}
