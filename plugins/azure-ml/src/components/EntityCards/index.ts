export { EntityModelsCard, EntityRunsCard } from './EntityCards';
