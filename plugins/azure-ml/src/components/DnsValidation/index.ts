export { DnsValidationCard } from './DnsValidationCard';
export {
  DnsValidationCards,
  EntityDnsValidationCard,
} from './EnvironmentDnsValidation';
