import {
  StatusAborted,
  StatusError,
  StatusOK,
  StatusPending,
  StatusRunning,
} from '@backstage/core-components';
import { PipelineRunStatus } from '@internal/plugin-azure-ml-common';
import { PropsWithChildren } from 'react';

/** The Backstage status icon of each official Azure ML job status. */
const STATUS_COMPONENTS: Record<
  PipelineRunStatus,
  (props: PropsWithChildren<{}>) => JSX.Element
> = {
  Completed: StatusOK,
  Failed: StatusError,
  NotResponding: StatusError,
  Running: StatusRunning,
  Starting: StatusRunning,
  Provisioning: StatusRunning,
  Preparing: StatusRunning,
  Finalizing: StatusRunning,
  NotStarted: StatusPending,
  Queued: StatusPending,
  Paused: StatusPending,
  Unknown: StatusPending,
  CancelRequested: StatusAborted,
  Canceled: StatusAborted,
};

/** Status icon plus, unless `iconOnly`, the status text. */
export function RunStatus(props: {
  status: PipelineRunStatus;
  children?: React.ReactNode;
}) {
  const Status = STATUS_COMPONENTS[props.status] ?? StatusPending;
  return <Status>{props.children ?? props.status}</Status>;
}
