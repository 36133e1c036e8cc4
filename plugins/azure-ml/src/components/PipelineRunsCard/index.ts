export { PipelineRunsCard } from './PipelineRunsCard';
