export { RegistriesCard } from './RegistriesCard';
