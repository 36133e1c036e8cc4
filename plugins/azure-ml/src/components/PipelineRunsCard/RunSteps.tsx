import { PipelineRunStep } from '@internal/plugin-azure-ml-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { Fragment } from 'react';

/**
 * The steps the pipeline defines, in order (transform → train → compare → register → score).
 * No per-step status: ARM's pipeline job holds step definitions, not their runs.
 */
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
          <Typography
            variant="body2"
            component="span"
            title={
              step.displayName
                ? `${step.displayName} (${step.name})`
                : step.name
            }
            style={{ whiteSpace: 'nowrap', fontSize: 'inherit' }}
          >
            {step.displayName ?? step.name}
          </Typography>
        </Fragment>
      ))}
    </Box>
  );
}
