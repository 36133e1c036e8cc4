import { champion, modelVersion } from '../__testUtils__/fixtures';
import { compareMetric, findChampions, metricNames } from './metrics';

describe('compareMetric', () => {
  it.each([
    ['rmse', 2.9, 3, 'better'],
    ['rmse', 3.1, 3, 'worse'],
    ['MAE', 1, 2, 'better'],
    ['r2', 0.9, 0.85, 'better'],
    ['r2', 0.8, 0.85, 'worse'],
    ['r2', 0.85, 0.85, 'equal'],
  ])('%s %d vs champion %d is %s', (metric, value, championValue, expected) => {
    expect(compareMetric(metric, value, championValue)).toBe(expected);
  });

  it('does not compare metrics of unknown direction or without a champion value', () => {
    expect(compareMetric('epochs', 3, 2)).toBeUndefined();
    expect(compareMetric('rmse', 3, undefined)).toBeUndefined();
  });
});

describe('metricNames', () => {
  it('puts rmse, mae and r2 first and the rest alphabetically', () => {
    expect(
      metricNames([
        modelVersion({ version: '1', metrics: { zeta: 1, r2: 1, alpha: 1 } }),
        modelVersion({ version: '2', metrics: { rmse: 1, mae: 1 } }),
      ]),
    ).toEqual(['rmse', 'mae', 'r2', 'alpha', 'zeta']);
  });
});

describe('findChampions', () => {
  it('prefers the champion of the environment configured last', () => {
    const devChampion = modelVersion({ version: '7', aliases: ['champion'] });
    const champions = findChampions([devChampion, champion], ['dev', 'prod']);
    expect(champions.get('taxi-fare-model')).toBe(champion);
  });
});
