export { AzureMlCard } from './AzureMlCard';
export { AzureMlEntityGate } from './AzureMlEntityGate';
export { CursorPager, PAGE_SIZES } from './CursorPager';
export { EnvironmentChip } from './EnvironmentChip';
export { FilterSelect } from './FilterSelect';
export { PagedTableCard } from './PagedTableCard';
export { RunStatus } from './RunStatus';
export { StudioLink } from './StudioLink';
export { NoConfiguredEnvironment } from './NoConfiguredEnvironment';
