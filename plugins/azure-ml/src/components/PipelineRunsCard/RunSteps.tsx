import { PipelineRunStep } from '@internal/plugin-azure-ml-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { Fragment } from 'react';
import { RunStatus } from '../shared';

/** The steps of a run in order, each with its status: transform → train → compare → register. */
export function RunSteps(props: { steps: PipelineRunStep[] }) {
  if (props.steps.length === 0) {
    return <>–</>;
  }
  return (
    <Box
      display="flex"
      flexWrap="nowrap"
      alignItems="center"
      style={{ gap: 4, fontSize: '0.8125rem' }}
    >
      {props.steps.map((step, i) => (
        <Fragment key={step.name}>
          {i > 0 && (
            <Typography variant="body2" color="textSecondary" aria-hidden>
              →
            </Typography>
          )}
          <span
            title={`${step.displayName ?? step.name}: ${step.status}`}
            style={{ whiteSpace: 'nowrap' }}
          >
            <RunStatus status={step.status}>
              {step.displayName ?? step.name}
            </RunStatus>
          </span>
        </Fragment>
      ))}
    </Box>
  );
}
