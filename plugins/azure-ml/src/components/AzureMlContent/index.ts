export { AzureMlContent } from './AzureMlContent';
