export { PromoteButton } from './PromoteButton';
export { PromotionHistoryCard } from './PromotionHistoryCard';
export { PromotionsTable } from './PromotionsTable';
export { PromotionEventsProvider } from './PromotionEvents';
