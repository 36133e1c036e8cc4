import { ModelVersion } from '@internal/plugin-azure-ml-common';
import Tooltip from '@material-ui/core/Tooltip';
import { makeStyles } from '@material-ui/core/styles';
import { formatMetric } from '../../lib/format';
import { compareMetric } from '../../lib/metrics';

const useStyles = makeStyles(theme => ({
  better: {
    color: theme.palette.success.main,
    fontWeight: theme.typography.fontWeightBold as number,
  },
  worse: {
    color: theme.palette.error.main,
  },
  equal: {},
}));

/**
 * A metric of a version, highlighted when it is better (or worse) than the same metric of the
 * model's current champion.
 */
export function MetricValue(props: {
  version: ModelVersion;
  metric: string;
  champion?: ModelVersion;
}) {
  const classes = useStyles();
  const { version, metric, champion } = props;
  const value = version.metrics[metric];
  if (value === undefined) {
    return <span>–</span>;
  }
  const isTheChampion =
    champion?.environment === version.environment &&
    champion?.version === version.version;
  const championValue = champion?.metrics[metric];
  const comparison = isTheChampion
    ? undefined
    : compareMetric(metric, value, championValue);
  if (!comparison || championValue === undefined) {
    return <span>{formatMetric(value)}</span>;
  }
  return (
    <Tooltip
      title={`${comparison} than champion v${champion!.version} (${
        champion!.environment
      }): ${formatMetric(championValue)}`}
    >
      <span className={classes[comparison]} data-comparison={comparison}>
        {formatMetric(value)}
      </span>
    </Tooltip>
  );
}
