import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import fs from 'fs-extra';
import path from 'node:path';

// Azure ML CLI v2 YAML schemas, one set for every test (sources: ../__testData__/azureml-schemas/README.md).
const schemaDir = path.join(__dirname, '../__testData__/azureml-schemas');
const PUBLISHED_ID = 'published/pipelineJob.schema.json';

const ajv = new Ajv({
  allErrors: true,
  // The published files carry the generator's own keywords (arm_type, readonly, enumNames).
  strict: false,
  // ...and marshmallow's formats (integer, float, decimal) that no JSON-schema library defines.
  validateFormats: false,
});
ajv.addSchema(
  fs.readJsonSync(path.join(schemaDir, PUBLISHED_ID)),
  PUBLISHED_ID,
);
const fromPublished = (definition: string) =>
  ajv.compile({ $ref: `${PUBLISHED_ID}#/definitions/${definition}` });

/**
 * The validator of each `$schema` file name our YAML points to: the published pipeline job
 * schema, and the command component and environment definitions inside it; the endpoint,
 * deployment and data schemas written from the reference docs.
 */
export const azureMlValidators = new Map<string, ValidateFunction>([
  ['pipelineJob.schema.json', ajv.getSchema(PUBLISHED_ID)!],
  [
    'commandComponent.schema.json',
    fromPublished('AnonymousCommandComponentSchema'),
  ],
  ['environment.schema.json', fromPublished('AnonymousEnvironmentSchema')],
  ...fs
    .readdirSync(path.join(schemaDir, 'from-docs'))
    .map((file): [string, ValidateFunction] => [
      file,
      ajv.compile(fs.readJsonSync(path.join(schemaDir, 'from-docs', file))),
    ]),
]);

export const PUBLISHED_SCHEMA_URL =
  /^https:\/\/azuremlschemas\.azureedge\.net\/latest\/(\w+\.schema\.json)$/;

/** The schema file name a YAML document's `$schema` points to, if it is Azure ML's. */
export function schemaFileOf(document: any): string | undefined {
  return PUBLISHED_SCHEMA_URL.exec(String(document?.$schema ?? ''))?.[1];
}

/**
 * Validates an Azure ML YAML document against the schema its `$schema` names: true, or what
 * is wrong (ajv's errors, or that there is no schema for it).
 */
export function validateAzureMlYaml(
  document: any,
): true | string | ErrorObject[] {
  const file = schemaFileOf(document);
  const check = file ? azureMlValidators.get(file) : undefined;
  if (!check) return `no vendored schema for ${document?.$schema}`;
  return check(document) || (check.errors ?? []);
}
