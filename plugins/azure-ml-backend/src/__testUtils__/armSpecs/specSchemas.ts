import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import commonTypes from './common-types-v3.json';
import machineLearningServices from './machineLearningServices-2024-04-01.json';
import mfe from './mfe-2024-04-01.json';
import network from './network-2024-05-01.json';
import privatedns from './privatedns-2024-06-01.json';
import registries from './registries-2024-04-01.json';

/*
 * Response schemas of the ARM operations the backend calls, from the copies of the REST spec
 * (Swagger 2.0) in this folder, turned into JSON Schema for ajv:
 * - `allOf` is inheritance: a definition's properties and required list include its parents'.
 * - `discriminator`: a value naming a subtype (`x-ms-discriminator-value`) is checked against
 *   that subtype.
 * - `x-nullable: true` admits null; nothing else does.
 * - Strict: an object with declared properties admits no other property, so a field absent from
 *   the api-version's schema must be absent from the answer. Maps (`additionalProperties`
 *   schemas) and free-form objects stay open.
 * - A reference to a definition that was not copied admits nothing (the property must be absent).
 */

type SwaggerSchema = Record<string, any>;
interface SpecFile {
  definitions: Record<string, SwaggerSchema>;
}

const SPECS: Record<string, SpecFile> = {
  'common-types-v3.json': commonTypes,
  'machineLearningServices-2024-04-01.json': machineLearningServices,
  'mfe-2024-04-01.json': mfe,
  'network-2024-05-01.json': network,
  'privatedns-2024-06-01.json': privatedns,
  'registries-2024-04-01.json': registries,
};

const FLAT = '~flat';

/** `file.json#/definitions/Name` or `#/definitions/Name` (in `file`) → [file, Name]. */
function resolveRef(ref: string, file: string): [string, string] {
  const [target, pointer] = ref.split('#');
  const name = pointer.replace(/^\/definitions\//, '');
  return [target ? target.replace(/^.*\//, '') : file, name];
}

const key = (file: string, name: string) => `${file}:${name}`;

function exists(file: string, name: string): boolean {
  return Boolean(SPECS[file]?.definitions[name]);
}

/** The definitions (in every copied file) that inherit `file:name` and carry a discriminator value. */
function subtypes(file: string, name: string): Array<[string, string, string]> {
  const found: Array<[string, string, string]> = [];
  for (const [subFile, spec] of Object.entries(SPECS)) {
    for (const [subName, def] of Object.entries(spec.definitions)) {
      const parents = (def.allOf ?? []).map((p: SwaggerSchema) =>
        resolveRef(p.$ref, subFile),
      );
      if (
        parents.some(([f, n]: [string, string]) => f === file && n === name)
      ) {
        found.push([
          subFile,
          subName,
          def['x-ms-discriminator-value'] ?? subName,
        ]);
      }
    }
  }
  return found;
}

function convert(schema: SwaggerSchema, file: string): SwaggerSchema {
  let result: SwaggerSchema;
  if (schema.$ref) {
    const [f, n] = resolveRef(schema.$ref, file);
    result = exists(f, n)
      ? { $ref: `#/definitions/${key(f, n)}` }
      : { not: {} };
  } else {
    result = convertInline(schema, file);
  }
  return schema['x-nullable'] ? { anyOf: [{ type: 'null' }, result] } : result;
}

function convertInline(schema: SwaggerSchema, file: string): SwaggerSchema {
  const out: SwaggerSchema = {};
  for (const word of [
    'type',
    'enum',
    'format',
    'pattern',
    'minLength',
    'minimum',
    'maximum',
  ]) {
    if (schema[word] !== undefined) out[word] = schema[word];
  }
  if (schema.items) out.items = convert(schema.items, file);
  if (schema.properties) {
    out.properties = Object.fromEntries(
      Object.entries(schema.properties).map(([name, prop]) => [
        name,
        convert(prop as SwaggerSchema, file),
      ]),
    );
  }
  if (typeof schema.additionalProperties === 'object') {
    out.additionalProperties = convert(schema.additionalProperties, file);
  } else if (schema.additionalProperties === true) {
    out.additionalProperties = true;
  }
  return out;
}

/** A definition with its ancestors' properties and required lists merged in. */
function flatten(file: string, name: string): SwaggerSchema {
  const def = SPECS[file].definitions[name];
  const properties: Record<string, SwaggerSchema> = {};
  const required = new Set<string>();
  let map: SwaggerSchema | undefined;
  for (const parent of def.allOf ?? []) {
    const [f, n] = resolveRef(parent.$ref, file);
    const flat = flatten(f, n);
    Object.assign(properties, flat.properties);
    flat.required?.forEach((r: string) => required.add(r));
    map ??= flat.additionalProperties;
  }
  const own = convertInline(def, file);
  Object.assign(properties, own.properties);
  (def.required ?? []).forEach((r: string) => required.add(r));
  const out: SwaggerSchema = { ...own, properties };
  if (required.size) out.required = [...required];
  if (Object.keys(properties).length > 0) {
    out.type ??= 'object';
    out.additionalProperties = own.additionalProperties ?? map ?? false;
  } else {
    delete out.properties;
    if (own.additionalProperties ?? map) {
      out.additionalProperties = own.additionalProperties ?? map;
    }
  }
  return out;
}

function definition(file: string, name: string): SwaggerSchema {
  const def = SPECS[file].definitions[name];
  const flat = { $ref: `#/definitions/${key(file, name)}${FLAT}` };
  if (!def.discriminator) return flat;
  const property = def.discriminator;
  const kinds = subtypes(file, name);
  if (kinds.length === 0) {
    // A polymorphic definition whose subtypes were not copied: like any uncopied definition.
    return { not: {} };
  }
  return {
    if: {
      type: 'object',
      required: [property],
      properties: { [property]: { enum: kinds.map(([, , value]) => value) } },
    },
    then: {
      allOf: kinds.map(([f, n, value]) => ({
        if: { properties: { [property]: { const: value } } },
        then: { $ref: `#/definitions/${key(f, n)}${FLAT}` },
      })),
    },
    else: flat,
  };
}

function buildRoot(): SwaggerSchema {
  const definitions: Record<string, SwaggerSchema> = {};
  for (const [file, spec] of Object.entries(SPECS)) {
    for (const name of Object.keys(spec.definitions)) {
      definitions[key(file, name)] = definition(file, name);
      definitions[`${key(file, name)}${FLAT}`] = flatten(file, name);
    }
  }
  return { definitions };
}

let ajv: Ajv | undefined;
const compiled = new Map<string, ValidateFunction>();

/**
 * The validator of one response schema: `file#Name`, e.g.
 * `mfe-2024-04-01.json#JobBaseResourceArmPaginatedResult`.
 */
export function responseValidator(schema: string): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    const [file, name] = schema.split('#');
    if (!exists(file, name)) {
      throw new Error(`No copied definition ${schema}`);
    }
    if (!ajv) {
      ajv = new Ajv({ allErrors: true, strict: false });
      addFormats(ajv, ['date-time', 'uuid', 'uri']);
      for (const format of [
        'arm-id',
        'int32',
        'int64',
        'double',
        'float',
        'duration',
      ]) {
        ajv.addFormat(format, true);
      }
      ajv.addSchema(buildRoot(), 'arm-specs');
    }
    validate = ajv.compile({
      $ref: `arm-specs#/definitions/${key(file, name)}`,
    });
    compiled.set(schema, validate);
  }
  return validate;
}
