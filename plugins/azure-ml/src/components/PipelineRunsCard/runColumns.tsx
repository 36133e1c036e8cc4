import { TableColumn } from '@backstage/core-components';
import { PipelineRun } from '@internal/plugin-azure-ml-common';
import Tooltip from '@material-ui/core/Tooltip';
import { formatRelativeTime, formatTimestamp } from '../../lib/format';
import { RunStatus, studioColumn } from '../shared';
import { RunSteps } from './RunSteps';

/** A row of a pipeline-runs table: a run with the table's row key. */
export type RunRow = PipelineRun & { key: string };

const noWrap = { whiteSpace: 'nowrap' } as const;

/**
 * The columns every pipeline-runs table shares, each showing only what ARM's pipeline job
 * returns: status, submission time and person (systemData — the job schema has no start/end
 * time, so no duration), the defined steps, and the studio link.
 */
export const runColumns = {
  status: {
    title: 'Status',
    field: 'status',
    cellStyle: noWrap,
    render: row => <RunStatus status={row.status} />,
  },
  submitted: {
    title: 'Submitted',
    field: 'createdAt',
    cellStyle: noWrap,
    render: row => (
      <Tooltip title={formatRelativeTime(row.createdAt) ?? ''}>
        <span>{formatTimestamp(row.createdAt) ?? '–'}</span>
      </Tooltip>
    ),
  },
  steps: {
    title: 'Steps',
    sorting: false,
    render: row => <RunSteps steps={row.steps} />,
  },
  studio: studioColumn<RunRow>(row => `run ${row.id}`),
} satisfies Record<string, TableColumn<RunRow>>;
