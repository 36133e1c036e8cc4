export * from './AzureMlApi';
export { AzureMlClient } from './AzureMlClient';
