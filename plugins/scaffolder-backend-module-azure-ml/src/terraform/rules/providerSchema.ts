import { blocks, HclBody, ParsedFile, typedBlocks } from '../parser';
import { ALLOWED_VALUES } from '../schema/allowedValues';
import extract from '../schema/azurerm.schema.json';
import type {
  ProviderSchemaExtract,
  SchemaBlock,
  SchemaValueType,
} from '../schema/types';
import { LineRange } from '../sourceIndex';
import { Report } from './common';

/**
 * Checks every `azurerm_*` resource and data source against the provider's own schema
 * (`provider-schema`), as `terraform validate` would: argument and nested-block names,
 * required arguments and blocks, block nesting (at most one where the schema says so) and the
 * types of literal values; plus the enum-valued arguments of ./schema/allowedValues.
 *
 * The schema is ./schema/azurerm.schema.json, extracted from `@cdktf/provider-azurerm` (which
 * cdktf generates from the real provider schema) for the types this repository uses; its
 * `source` names the package and provider versions. A type missing from it is reported, so a
 * typo or a new resource cannot pass unchecked.
 */

const schema = extract as ProviderSchemaExtract;
const providerLabel = `azurerm ${schema.source.providerVersion}`;

/** Meta-arguments Terraform accepts on every resource / data block. */
const META = {
  resource: new Set([
    'count',
    'for_each',
    'depends_on',
    'provider',
    'lifecycle',
    'provisioner',
    'connection',
  ]),
  data: new Set(['count', 'for_each', 'depends_on', 'provider', 'lifecycle']),
};

interface Location {
  file: ParsedFile;
  block: LineRange | undefined;
  /** `<type>.<name>`. */
  where: string;
}

const isExpression = (value: unknown) =>
  typeof value === 'string' && value.includes('${');

/** Why a literal value does not fit a schema type, or undefined when it does (or is unknown). */
function typeMismatch(
  value: unknown,
  type: SchemaValueType,
): string | undefined {
  if (value === null || value === undefined || type === 'any') return undefined;
  if (isExpression(value)) {
    // A template with text around the interpolation is a string.
    const pure = /^\$\{[\s\S]*\}$/.test(value as string);
    return pure || type === 'string' || type === 'number' || type === 'bool'
      ? undefined
      : `a string where ${type} is expected`;
  }
  const collection = type.match(/^(list|set|map)\((\w+)\)$/);
  if (collection) {
    const [, kind, element] = collection;
    const isMap = kind === 'map';
    if (isMap ? !isObject(value) : !Array.isArray(value)) {
      return `${describe(value)} where ${type} is expected`;
    }
    const items = isMap ? Object.values(value as object) : (value as unknown[]);
    for (const item of items) {
      const problem = typeMismatch(item, element);
      if (problem) return `an element is ${problem}`;
    }
    return undefined;
  }
  switch (type) {
    case 'string':
      return ['string', 'number', 'boolean'].includes(typeof value)
        ? undefined
        : `${describe(value)} where a string is expected`;
    case 'number':
      return typeof value === 'number' ||
        (typeof value === 'string' &&
          value.trim() !== '' &&
          !isNaN(Number(value)))
        ? undefined
        : `${describe(value)} where a number is expected`;
    case 'bool':
      return typeof value === 'boolean' || value === 'true' || value === 'false'
        ? undefined
        : `${describe(value)} where a bool is expected`;
    default:
      return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown) {
  if (Array.isArray(value)) return 'a list';
  if (isObject(value)) return 'an object';
  return `${
    typeof value === 'string' ? 'the string' : 'the value'
  } ${JSON.stringify(value)}`;
}

const names = (record: object) => Object.keys(record).sort().join(', ');

function checkBody(
  body: HclBody,
  block: SchemaBlock,
  path: string[],
  at: Location,
  report: Report,
  meta?: Set<string>,
) {
  const { file, where } = at;
  const line = (name: string) =>
    at.block &&
    (file.source.findAttribute(name, at.block) ??
      file.source.findBlock(name, [], at.block)?.start ??
      at.block.start);
  const fail = (name: string, message: string) =>
    report(file, line(name), 'provider-schema', `${where}: ${message}`);
  const qualified = (name: string) => [...path, name].join('.');
  const allowed = ALLOWED_VALUES[where.split('.')[0]] ?? {};

  const dynamicBlocks = new Map<string, HclBody[]>();
  for (const [label, dynamic] of blocks(body.dynamic)) {
    const content = (dynamic.content ?? [])[0] ?? {};
    dynamicBlocks.set(label, [...(dynamicBlocks.get(label) ?? []), content]);
  }

  for (const [name, value] of Object.entries(body)) {
    if (meta?.has(name) || name === 'dynamic') continue;
    const attribute = block.attributes[name];
    const nested = block.blocks[name];
    if (attribute) {
      if (
        Array.isArray(value) &&
        value.some(isObject) &&
        !attribute.type.includes('(')
      ) {
        fail(
          name,
          `"${qualified(
            name,
          )}" is an argument, not a block; write ${name} = ...`,
        );
        continue;
      }
      const problem = typeMismatch(value, attribute.type);
      if (problem) {
        fail(
          name,
          `"${qualified(name)}" is ${problem} (${providerLabel} schema)`,
        );
      }
      const enumeration = allowed[qualified(name)];
      const literals = (Array.isArray(value) ? value : [value]).filter(
        (item): item is string =>
          typeof item === 'string' && !isExpression(item),
      );
      for (const literal of literals) {
        if (enumeration && !enumeration.values.includes(literal)) {
          fail(
            name,
            `${qualified(
              name,
            )} = "${literal}" is not allowed; the provider accepts ${enumeration.values.join(
              ', ',
            )} (${enumeration.source})`,
          );
        }
      }
    } else if (nested) {
      if (!Array.isArray(value) || !value.every(isObject)) {
        fail(
          name,
          `"${qualified(
            name,
          )}" is a block; write ${name} { ... }, not ${name} = ...`,
        );
        continue;
      }
      if (nested.nesting === 'single' && value.length > 1) {
        fail(
          name,
          `at most one "${qualified(name)}" block is allowed, found ${
            value.length
          }`,
        );
      }
      for (const item of value) {
        checkBody(item, nested.block, [...path, name], at, report);
      }
    } else {
      fail(
        name,
        `unsupported ${
          Array.isArray(value) && value.every(isObject) ? 'block' : 'argument'
        } "${qualified(name)}"; the ${providerLabel} schema allows ${[
          names(block.attributes),
          names(block.blocks),
        ]
          .filter(Boolean)
          .join('; blocks: ')}`,
      );
    }
  }

  for (const [label, contents] of dynamicBlocks) {
    const nested = block.blocks[label];
    if (!nested) {
      fail(
        'dynamic',
        `unsupported dynamic block "${qualified(
          label,
        )}"; the ${providerLabel} schema has blocks ${
          names(block.blocks) || '(none)'
        }`,
      );
      continue;
    }
    for (const content of contents) {
      checkBody(content, nested.block, [...path, label], at, report);
    }
  }

  for (const [name, attribute] of Object.entries(block.attributes)) {
    if (
      attribute.required &&
      (body[name] === undefined || body[name] === null)
    ) {
      fail(
        path.length ? path[path.length - 1] : name,
        `missing required argument "${qualified(name)}"`,
      );
    }
  }
  for (const [name, nested] of Object.entries(block.blocks)) {
    if (
      nested.required &&
      body[name] === undefined &&
      !dynamicBlocks.has(name)
    ) {
      fail(
        path.length ? path[path.length - 1] : name,
        `missing required block "${qualified(name)}"`,
      );
    }
  }
}

/** The check of one module's files. */
export function checkProviderSchema(files: ParsedFile[], report: Report) {
  for (const file of files) {
    for (const kind of ['resource', 'data'] as const) {
      for (const [type, name, body] of typedBlocks(file.json[kind])) {
        if (!type.startsWith('azurerm_')) continue;
        const at: Location = {
          file,
          block: file.source.findBlock(kind, [type, name]),
          where: `${kind === 'data' ? 'data.' : ''}${type}.${name}`,
        };
        const block = (kind === 'data' ? schema.dataSources : schema.resources)[
          type
        ];
        if (!block) {
          report(
            file,
            at.block?.start,
            'provider-schema',
            `${
              at.where
            }: ${type} is not in the provider schema extract (${providerLabel}): not a ${
              kind === 'data' ? 'data source' : 'resource'
            } of the provider, or the extract needs regenerating (see src/terraform/schema/azurermSchema.test.ts)`,
          );
          continue;
        }
        checkBody(body, block, [], at, report, META[kind]);
      }
    }
  }
}
