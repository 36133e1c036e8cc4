import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { CompoundEntityRef } from '@backstage/catalog-model';
import {
  AzureMlAnnotations,
  ModelVersion,
} from '@internal/plugin-azure-ml-common';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import ToggleButton from '@material-ui/lab/ToggleButton';
import ToggleButtonGroup from '@material-ui/lab/ToggleButtonGroup';
import { useMemo, useState } from 'react';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import {
  TREND_VERSIONS_PER_ENVIRONMENT,
  useEnvironments,
  useModelTrend,
} from '../../hooks';
import { formatMetric, formatTimestamp } from '../../lib/format';
import { isChampion, metricDirection, metricNames } from '../../lib/metrics';
import { AzureMlCard } from '../shared';

interface TrendPoint {
  time: number;
  version: string;
  value: number;
  champion: boolean;
}

function seriesByEnvironment(
  versions: ModelVersion[],
  metric: string,
  environments: string[],
): [string, TrendPoint[]][] {
  return environments.map(environment => [
    environment,
    versions
      .filter(
        v =>
          v.environment === environment &&
          v.createdAt &&
          v.metrics[metric] !== undefined,
      )
      .map(v => ({
        time: Date.parse(v.createdAt!),
        version: v.version,
        value: v.metrics[metric],
        champion: isChampion(v),
      }))
      .sort((a, b) => a.time - b.time),
  ]);
}

function ChampionDot(props: {
  championColor: string;
  cx?: number;
  cy?: number;
  payload?: TrendPoint;
  stroke?: string;
}) {
  const { cx, cy, payload, stroke, championColor } = props;
  if (cx === undefined || cy === undefined) {
    return null;
  }
  if (payload?.champion) {
    return (
      <g>
        <circle cx={cx} cy={cy} r={7} fill={championColor} stroke={stroke} />
        <text
          x={cx}
          y={cy - 12}
          textAnchor="middle"
          fontSize={11}
          fill={championColor}
        >
          champion v{payload.version}
        </text>
      </g>
    );
  }
  return <circle cx={cx} cy={cy} r={3} fill={stroke} />;
}

/** One metric of one model across its newest versions, a line per environment. */
function ModelTrend(props: {
  model: string;
  versions: ModelVersion[];
  environments: string[];
  champion?: ModelVersion;
}) {
  const theme = useTheme();
  const championColor = theme.palette.warning.main;
  const { model, versions, environments, champion } = props;
  const metrics = useMemo(() => metricNames(versions), [versions]);
  const [selected, setSelected] = useState<string>();
  const metric = selected && metrics.includes(selected) ? selected : metrics[0];
  const series = useMemo(
    () => (metric ? seriesByEnvironment(versions, metric, environments) : []),
    [versions, metric, environments],
  );
  const colors = [
    theme.palette.primary.main,
    theme.palette.secondary.main,
    theme.palette.success.main,
    theme.palette.warning.main,
  ];
  if (!metric) {
    return (
      <Typography variant="body2">
        The versions of {model} carry no metrics.
      </Typography>
    );
  }
  const direction = metricDirection(metric);
  const championValue = champion?.metrics[metric];
  return (
    <Box data-testid={`trend-${model}`}>
      <Box display="flex" alignItems="center" justifyContent="space-between">
        <Typography variant="subtitle1">
          {model}: {metric}
          {direction && ` (${direction} is better)`}
        </Typography>
        <ToggleButtonGroup
          size="small"
          exclusive
          value={metric}
          onChange={(_, value) => value && setSelected(value)}
          aria-label={`Metric of ${model}`}
        >
          {metrics.map(name => (
            <ToggleButton key={name} value={name} aria-label={name}>
              {name}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
      </Box>
      {champion && championValue !== undefined && (
        <Typography variant="caption" color="textSecondary">
          Champion: v{champion.version} ({champion.environment}), {metric}{' '}
          {formatMetric(championValue)}
        </Typography>
      )}
      <Box height={280} mt={1}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart margin={{ top: 24, right: 24, bottom: 8, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis
              dataKey="time"
              type="number"
              scale="time"
              domain={['dataMin', 'dataMax']}
              tickFormatter={time => new Date(time).toISOString().slice(0, 10)}
            />
            <YAxis
              dataKey="value"
              domain={['auto', 'auto']}
              tickFormatter={value => formatMetric(value)}
              width={64}
            />
            <Tooltip
              labelFormatter={time =>
                formatTimestamp(new Date(Number(time)).toISOString())
              }
              formatter={(value, _name, item) => [
                formatMetric(Number(value)),
                `v${(item.payload as TrendPoint).version} ${metric}`,
              ]}
            />
            <Legend />
            {championValue !== undefined && (
              <ReferenceLine
                y={championValue}
                stroke={championColor}
                strokeDasharray="6 4"
                label={{
                  value: `champion ${formatMetric(championValue)}`,
                  position: 'insideBottomRight',
                  fill: championColor,
                  fontSize: 11,
                }}
              />
            )}
            {series.map(([environment, points], i) => (
              <Line
                key={environment}
                name={environment}
                data={points}
                dataKey="value"
                stroke={colors[i % colors.length]}
                isAnimationActive={false}
                dot={<ChampionDot championColor={championColor} />}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </Box>
    </Box>
  );
}

/**
 * The metric trend of each of the entity's models over its newest versions per environment,
 * with the champion marked.
 */
export function MetricTrendCard(props: {
  entityRef: CompoundEntityRef;
  annotations: AzureMlAnnotations;
}) {
  const { entityRef, annotations } = props;
  const environmentsResult = useEnvironments(annotations.environments);
  const environmentNames = useMemo(
    () => environmentsResult.environments?.map(e => e.name),
    [environmentsResult.environments],
  );
  const trend = useModelTrend(entityRef, environmentNames);
  const error = environmentsResult.error ?? trend.error;

  let body;
  if (error) {
    body = <ResponseErrorPanel error={error} />;
  } else if (trend.loading || !trend.versions || !environmentNames) {
    body = <Progress />;
  } else if (trend.versions.length === 0) {
    body = (
      <EmptyState
        missing="data"
        title="No model versions to chart"
        description={`No versions of ${annotations.models.join(
          ', ',
        )} in the registries.`}
      />
    );
  } else {
    const versions = trend.versions;
    body = (
      <Grid container spacing={3}>
        {annotations.models.map(model => (
          <Grid item xs={12} key={model}>
            <ModelTrend
              model={model}
              versions={versions.filter(v => v.name === model)}
              environments={environmentNames}
              champion={trend.champions?.get(model)}
            />
          </Grid>
        ))}
      </Grid>
    );
  }
  return (
    <AzureMlCard
      title="Metric trend"
      subheader={`Newest ${TREND_VERSIONS_PER_ENVIRONMENT} versions per environment`}
    >
      {body}
    </AzureMlCard>
  );
}
