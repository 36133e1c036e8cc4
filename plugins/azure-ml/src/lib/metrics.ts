import { ModelVersion } from '@internal/plugin-azure-ml-common';

/** The alias that marks the version serving in production. */
export const CHAMPION_ALIAS = 'champion';

type Direction = 'lower' | 'higher';

/** Which way is better for the metrics that regression and classification jobs log. */
const METRIC_DIRECTIONS: Record<string, Direction> = {
  rmse: 'lower',
  mae: 'lower',
  mse: 'lower',
  mape: 'lower',
  loss: 'lower',
  r2: 'higher',
  accuracy: 'higher',
  auc: 'higher',
  f1: 'higher',
  precision: 'higher',
  recall: 'higher',
};

/** Metrics shown first, in this order; any others follow alphabetically. */
const KEY_METRICS = ['rmse', 'mae', 'r2'];

export type MetricComparison = 'better' | 'worse' | 'equal';

/**
 * How `value` compares with the champion's value of the same metric; `undefined` when the
 * metric's direction is unknown or there is nothing to compare with.
 */
export function compareMetric(
  metric: string,
  value: number,
  championValue: number | undefined,
): MetricComparison | undefined {
  const direction = METRIC_DIRECTIONS[metric.toLocaleLowerCase('en-US')];
  if (!direction || championValue === undefined) {
    return undefined;
  }
  if (value === championValue) {
    return 'equal';
  }
  const lower = value < championValue;
  return lower === (direction === 'lower') ? 'better' : 'worse';
}

/** Whether lower values of `metric` are better (for chart captions). */
export function metricDirection(metric: string): Direction | undefined {
  return METRIC_DIRECTIONS[metric.toLocaleLowerCase('en-US')];
}

/** The metric names of `versions`, key metrics first. */
export function metricNames(versions: ModelVersion[]): string[] {
  const names = new Set(versions.flatMap(v => Object.keys(v.metrics)));
  const key = KEY_METRICS.filter(name => names.has(name));
  const rest = [...names].filter(name => !KEY_METRICS.includes(name)).sort();
  return [...key, ...rest];
}

export function isChampion(version: ModelVersion): boolean {
  return version.aliases.includes(CHAMPION_ALIAS);
}

/**
 * The champion of each model. When several environments name one (e.g. a dev registry that
 * also tags a champion), the environment configured last wins: promotion flows towards it.
 */
export function findChampions(
  versions: ModelVersion[],
  environmentOrder: string[],
): Map<string, ModelVersion> {
  const rank = (v: ModelVersion) => environmentOrder.indexOf(v.environment);
  const champions = new Map<string, ModelVersion>();
  for (const version of versions.filter(isChampion)) {
    const current = champions.get(version.name);
    if (!current || rank(version) > rank(current)) {
      champions.set(version.name, version);
    }
  }
  return champions;
}
