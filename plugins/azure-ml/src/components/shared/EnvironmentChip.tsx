import Chip from '@material-ui/core/Chip';

/** A small chip naming an Azure ML environment, e.g. `dev`. */
export function EnvironmentChip(props: { environment: string }) {
  return (
    <Chip
      size="small"
      variant="outlined"
      label={props.environment}
      data-testid={`environment-${props.environment}`}
    />
  );
}
