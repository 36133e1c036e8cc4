export { MetricTrendCard } from './MetricTrendCard';
