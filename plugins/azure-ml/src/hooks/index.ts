export { useAzureMlEntity } from './useAzureMlEntity';
export { useCursorPaging } from './useCursorPaging';
export { useEnvironments } from './useEnvironments';
export { useModelTrend, TREND_VERSIONS_PER_ENVIRONMENT } from './useModelTrend';
export { useModelVersions } from './useModelVersions';
export { usePipelineRuns } from './usePipelineRuns';
export { useRegistries } from './useRegistries';
export { useEntityEnvironment } from './useEntityEnvironment';
