import { Entity } from '@backstage/catalog-model';

/** Comma-separated Azure ML model names, e.g. `taxi-fare-model`. @public */
export const AZURE_ML_MODELS_ANNOTATION = 'ml.azure.com/models';
/** Experiment name that the entity's pipeline runs are filtered on. @public */
export const AZURE_ML_EXPERIMENT_ANNOTATION = 'ml.azure.com/experiment';
/** Optional comma-separated subset of the configured environments, e.g. `dev,prod`. @public */
export const AZURE_ML_ENVIRONMENTS_ANNOTATION = 'ml.azure.com/environments';

/**
 * Azure ML asset names: 1-255 characters, starting with a letter or digit, then letters,
 * digits, `-`, `_` and `.` (the model and experiment naming rule of Azure ML).
 */
const ASSET_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,254}$/;
const ENVIRONMENT_NAME = /^[a-z0-9][a-z0-9-]{0,31}$/;

/** The Azure ML annotations of an entity, parsed and validated. @public */
export interface AzureMlAnnotations {
  models: string[];
  experiment?: string;
  /** Undefined means "every configured environment". */
  environments?: string[];
}

/** Thrown when an annotation is present but malformed. @public */
export class AzureMlAnnotationError extends Error {
  readonly annotation: string;
  constructor(annotation: string, message: string) {
    super(message);
    this.name = 'AzureMlAnnotationError';
    this.annotation = annotation;
  }
}

function parseList(
  entity: Entity,
  annotation: string,
  pattern: RegExp,
  example: string,
): string[] | undefined {
  const raw = entity.metadata.annotations?.[annotation];
  if (raw === undefined) {
    return undefined;
  }
  const values = raw
    .split(',')
    .map(v => v.trim())
    .filter(Boolean);
  if (values.length === 0) {
    throw new AzureMlAnnotationError(
      annotation,
      `Annotation '${annotation}' is empty; expected a comma-separated list such as '${annotation}: ${example}'`,
    );
  }
  const bad = values.find(v => !pattern.test(v));
  if (bad !== undefined) {
    throw new AzureMlAnnotationError(
      annotation,
      `Annotation '${annotation}' has an invalid value '${bad}'; expected a comma-separated list such as '${annotation}: ${example}'`,
    );
  }
  return [...new Set(values)];
}

/**
 * Reads the Azure ML annotations of an entity.
 *
 * @throws AzureMlAnnotationError when `ml.azure.com/models` is missing or any annotation is
 * malformed; the message names the annotation and shows the expected format.
 * @public
 */
export function getAzureMlAnnotations(entity: Entity): AzureMlAnnotations {
  const models = parseList(
    entity,
    AZURE_ML_MODELS_ANNOTATION,
    ASSET_NAME,
    'taxi-fare-model',
  );
  if (!models) {
    throw new AzureMlAnnotationError(
      AZURE_ML_MODELS_ANNOTATION,
      `Entity '${entity.metadata.name}' has no '${AZURE_ML_MODELS_ANNOTATION}' annotation; add e.g. '${AZURE_ML_MODELS_ANNOTATION}: taxi-fare-model'`,
    );
  }
  const experiment = parseList(
    entity,
    AZURE_ML_EXPERIMENT_ANNOTATION,
    ASSET_NAME,
    'taxi-fare-train',
  );
  if (experiment && experiment.length > 1) {
    throw new AzureMlAnnotationError(
      AZURE_ML_EXPERIMENT_ANNOTATION,
      `Annotation '${AZURE_ML_EXPERIMENT_ANNOTATION}' takes one experiment name, got '${experiment.join(
        ',',
      )}'; expected e.g. '${AZURE_ML_EXPERIMENT_ANNOTATION}: taxi-fare-train'`,
    );
  }
  const environments = parseList(
    entity,
    AZURE_ML_ENVIRONMENTS_ANNOTATION,
    ENVIRONMENT_NAME,
    'dev,prod',
  );
  return { models, experiment: experiment?.[0], environments };
}

/**
 * True when the entity names at least one Azure ML model; use it to show the Azure ML tab.
 * @public
 */
export function isAzureMlAvailable(entity: Entity): boolean {
  return Boolean(
    entity.metadata.annotations?.[AZURE_ML_MODELS_ANNOTATION]?.trim(),
  );
}
