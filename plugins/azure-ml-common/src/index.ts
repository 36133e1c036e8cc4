/**
 * Shared types, permissions and annotation helpers of the Azure ML plugins.
 *
 * @packageDocumentation
 */
export * from './annotations';
export * from './dns';
export * from './lineage';
export * from './permissions';
export * from './platformEntities';
export * from './types';
