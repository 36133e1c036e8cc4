import fs from 'fs-extra';
import path from 'node:path';
import type {
  ProviderSchemaExtract,
  SchemaAttribute,
  SchemaBlock,
  SchemaNestedBlock,
} from './types';

/**
 * Extracts the configuration schema of azurerm resources and data sources from the npm package
 * `@cdktf/provider-azurerm`, which cdktf generates from the real provider schema
 * (`terraform providers schema -json`). The package ships no JSON schema, only TypeScript
 * bindings, one folder per resource type (`lib/<name>/index.js` and `index.d.ts`):
 *
 * - `synthesizeHclAttributes()` of the resource class, and one `<struct>ToHclTerraform()`
 *   function per nested block, list every configurable argument and block under its Terraform
 *   name, with `isBlock`, the collection `type` (simple, list, set, map, struct) and the
 *   element `storageClassType` (string, number, boolean, stringList, stringMap, ...).
 *   Computed-only attributes are absent: they cannot be set.
 * - the `<Class>Config` interface and one interface per nested block in `index.d.ts` say which
 *   arguments and blocks are required (no `?`) and which blocks hold at most one element
 *   (typed as the struct, not as `Struct[] | IResolvable`).
 *
 * Only the folders of the requested types are read.
 */

interface GeneratedEntry {
  terraformName: string;
  camelName: string | undefined;
  isBlock: boolean;
  collection: string;
  storageClass: string;
  converter: string | undefined;
}

interface InterfaceProperty {
  optional: boolean;
  typeText: string;
}

const ATTRS_ENTRY =
  /(\w+): \{\s*value: ([\s\S]*?),\s*isBlock: (true|false),\s*type: "(\w+)",\s*storageClassType: "(\w+)",\s*\}/g;

/** The `const attrs = { ... };` object literal that starts at `from`. */
function attrsLiteral(source: string, from: number): string {
  const start = source.indexOf('const attrs = {', from);
  const end = source.indexOf('\n        };', start);
  const endStruct = source.indexOf('\n    };', start);
  const stop = [end, endStruct].filter(i => i > 0).sort((a, b) => a - b)[0];
  return source.slice(start, stop);
}

function parseEntries(literal: string): GeneratedEntry[] {
  return [...literal.matchAll(ATTRS_ENTRY)].map(
    ([, terraformName, value, isBlock, collection, storageClass]) => ({
      terraformName,
      camelName: value.match(/(?:this\._|struct!?\.)(\w+)/)?.[1],
      isBlock: isBlock === 'true',
      collection,
      storageClass,
      converter: value.match(/(?<![.\w])([a-z]\w*)ToHclTerraform\b/)?.[1],
    }),
  );
}

/** Interfaces of a .d.ts: name → property → optional flag and type text. */
function parseInterfaces(declarations: string) {
  const interfaces = new Map<string, Map<string, InterfaceProperty>>();
  const header = /^export interface (\w+)(?: extends [^{]+)? \{$/gm;
  for (const match of declarations.matchAll(header)) {
    const bodyStart = match.index! + match[0].length;
    const bodyEnd = declarations.indexOf('\n}', bodyStart);
    const body = declarations.slice(bodyStart, bodyEnd);
    const properties = new Map<string, InterfaceProperty>();
    for (const property of body.matchAll(
      /^ {4}readonly (\w+)(\?)?: ([^;\n]*)/gm,
    )) {
      properties.set(property[1], {
        optional: property[2] === '?',
        typeText: property[3],
      });
    }
    interfaces.set(match[1], properties);
  }
  return interfaces;
}

const PRIMITIVES: Record<string, string> = {
  string: 'string',
  number: 'number',
  boolean: 'bool',
};

function attributeType(entry: GeneratedEntry): string {
  const { collection, storageClass } = entry;
  if (collection === 'simple') return PRIMITIVES[storageClass] ?? 'any';
  const element = storageClass.match(/^(string|number|boolean)(List|Map)$/);
  if (!element) return 'any';
  const elementType = PRIMITIVES[element[1]];
  if (element[2] === 'Map') return `map(${elementType})`;
  return `${collection === 'set' ? 'set' : 'list'}(${elementType})`;
}

const upperFirst = (name: string) => name[0].toUpperCase() + name.slice(1);

class FolderSchema {
  private readonly interfaces: Map<string, Map<string, InterfaceProperty>>;

  constructor(
    private readonly code: string,
    declarations: string,
    private readonly folder: string,
  ) {
    this.interfaces = parseInterfaces(declarations);
  }

  /** The schema of the resource or data source class. */
  root(className: string): SchemaBlock {
    const at = this.code.indexOf('synthesizeHclAttributes() {');
    if (at < 0) {
      throw new Error(`${this.folder}: no synthesizeHclAttributes()`);
    }
    return this.block(
      parseEntries(attrsLiteral(this.code, at)),
      `${className}Config`,
    );
  }

  private struct(converter: string): SchemaBlock {
    const at = this.code.indexOf(`function ${converter}ToHclTerraform(struct)`);
    if (at < 0) {
      throw new Error(`${this.folder}: no ${converter}ToHclTerraform()`);
    }
    return this.block(
      parseEntries(attrsLiteral(this.code, at)),
      upperFirst(converter),
    );
  }

  private block(entries: GeneratedEntry[], interfaceName: string) {
    const properties = this.interfaces.get(interfaceName);
    if (!properties) {
      throw new Error(`${this.folder}: no interface ${interfaceName}`);
    }
    const block: SchemaBlock = { attributes: {}, blocks: {} };
    for (const entry of entries) {
      const property = entry.camelName
        ? properties.get(entry.camelName)
        : undefined;
      const required = property && !property.optional ? true : undefined;
      if (entry.isBlock && entry.converter) {
        const nested: SchemaNestedBlock = {
          nesting:
            entry.collection === 'struct' ||
            (property && !property.typeText.includes('[]'))
              ? 'single'
              : 'list',
          block: this.struct(entry.converter),
        };
        if (required) nested.required = true;
        block.blocks[entry.terraformName] = nested;
      } else {
        const attribute: SchemaAttribute = { type: attributeType(entry) };
        if (required) attribute.required = true;
        block.attributes[entry.terraformName] = attribute;
      }
    }
    return block;
  }
}

async function readAll(dir: string, extension: string): Promise<string> {
  const parts: string[] = [];
  for (const entry of (await fs.readdir(dir, { withFileTypes: true })).sort(
    (a, b) => a.name.localeCompare(b.name),
  )) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) parts.push(await readAll(full, extension));
    else if (entry.name.endsWith(extension)) {
      parts.push(await fs.readFile(full, 'utf8'));
    }
  }
  return parts.join('\n');
}

/** `azurerm_storage_account` → `lib/storage-account`; data sources → `lib/data-azurerm-…`. */
function folderOf(type: string, kind: 'resource' | 'data') {
  const name = type.replace(/_/g, '-');
  return kind === 'data' ? `data-${name}` : name.replace(/^azurerm-/, '');
}

async function extractOne(
  packageDir: string,
  type: string,
  kind: 'resource' | 'data',
): Promise<SchemaBlock> {
  const folder = path.join(packageDir, 'lib', folderOf(type, kind));
  if (!(await fs.pathExists(folder))) {
    throw new Error(
      `${type} is not a ${
        kind === 'data' ? 'data source' : 'resource'
      } of the azurerm provider (no ${folder})`,
    );
  }
  const declarations = await readAll(folder, '.d.ts');
  const base =
    kind === 'data' ? 'cdktf.TerraformDataSource' : 'cdktf.TerraformResource';
  const className = declarations.match(
    new RegExp(
      `export declare class (\\w+) extends ${base.replace('.', '\\.')}`,
    ),
  )?.[1];
  const declaredType = declarations.match(/tfResourceType = "(\w+)"/)?.[1];
  if (!className || declaredType !== type) {
    throw new Error(`${folder} does not declare ${type}`);
  }
  const code = await readAll(folder, '.js');
  return new FolderSchema(code, declarations, folder).root(className);
}

/**
 * Builds the extract for the given resource and data source types from an installed
 * `@cdktf/provider-azurerm` (its folder).
 */
export async function extractAzurermSchema(
  packageDir: string,
  types: { resources: string[]; dataSources: string[] },
): Promise<ProviderSchemaExtract> {
  const manifest = await fs.readJson(path.join(packageDir, 'package.json'));
  const extract: ProviderSchemaExtract = {
    source: {
      package: manifest.name,
      packageVersion: manifest.version,
      provider: manifest.cdktf?.provider?.name,
      providerVersion: manifest.cdktf?.provider?.version,
    },
    resources: {},
    dataSources: {},
  };
  for (const type of [...types.resources].sort()) {
    extract.resources[type] = await extractOne(packageDir, type, 'resource');
  }
  for (const type of [...types.dataSources].sort()) {
    extract.dataSources[type] = await extractOne(packageDir, type, 'data');
  }
  return extract;
}
