export { AzureMlResourceContent } from './AzureMlResourceContent';
