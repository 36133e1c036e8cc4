import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  scaffolderActionsExtensionPoint,
  TemplateAction,
} from '@backstage/plugin-scaffolder-node';
import fs from 'fs-extra';
import path from 'node:path';
import { scaffolderModuleAzureMl } from './module';

/**
 * The README's input/output tables are generated from the actions' own schemas (every action
 * the module registers). A schema change without the README change fails here; regenerate
 * with `UPDATE_README=1 yarn backstage-cli package test src/readme.test.ts`, then prettier.
 */
const readmePath = path.resolve(__dirname, '../README.md');

type JsonSchema = {
  type?: string | string[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  additionalProperties?: boolean | JsonSchema;
  enum?: unknown[];
};

function typeOf(schema: JsonSchema): string {
  if (schema.enum) return schema.enum.map(v => JSON.stringify(v)).join(' or ');
  if (schema.type === 'array') return `${typeOf(schema.items ?? {})}[]`;
  if (
    schema.type === 'object' &&
    !schema.properties &&
    typeof schema.additionalProperties === 'object'
  ) {
    return `map of ${typeOf(schema.additionalProperties)}`;
  }
  return [schema.type ?? 'any'].flat().join(' or ');
}

// Table-cell text that prettier's markdown formatting leaves as it is.
const cell = (text: string) =>
  text.replace(/([|*_])/g, '\\$1').replace(/\s*\n\s*/g, ' ');

/** One row per property, nested object properties as `parent.child` / `parent[].child`. */
function rows(schema: JsonSchema | undefined, prefix = ''): string[][] {
  const out: string[][] = [];
  for (const [name, property] of Object.entries(schema?.properties ?? {})) {
    const key = `${prefix}${name}`;
    out.push([
      `\`${key}\``,
      cell(typeOf(property)),
      schema?.required?.includes(name) ? 'yes' : 'no',
      cell(property.description ?? ''),
    ]);
    if (property.properties) out.push(...rows(property, `${key}.`));
    if (property.items?.properties) {
      out.push(...rows(property.items, `${key}[].`));
    }
  }
  return out;
}

function table(heading: string, schema: JsonSchema | undefined): string {
  const body = rows(schema);
  if (!body.length) return `${heading}: none.`;
  return [
    `| ${heading} | Type | Required | Description |`,
    '| --- | --- | --- | --- |',
    ...body.map(r => `| ${r.join(' | ')} |`),
  ].join('\n');
}

const begin = (id: string) =>
  `<!-- ${id} inputs and outputs: generated from the action's schema by src/readme.test.ts -->`;
const END = '<!-- end of generated inputs and outputs -->';

function generated(action: TemplateAction<any, any, any>): string {
  return [
    begin(action.id),
    '',
    table('Input', action.schema?.input as JsonSchema),
    '',
    table('Output', action.schema?.output as JsonSchema),
    '',
    END,
  ].join('\n');
}

/**
 * A table's rows without whitespace, prettier's column padding, and the escapes of `_` and `*`
 * (prettier drops those it finds unneeded).
 */
const normalize = (markdown: string) =>
  markdown
    .split('\n')
    .map(line => line.trim())
    .filter(line => line && !/^\|[\s|:-]+\|$/.test(line))
    .map(line =>
      line.startsWith('|')
        ? line
            .split(/(?<!\\)\|/)
            .map(c => c.trim().replace(/\\([_*])/g, '$1'))
            .join('|')
        : line,
    );

describe('README', () => {
  let actions: TemplateAction<any, any, any>[];

  beforeAll(async () => {
    actions = [];
    await startTestBackend({
      extensionPoints: [
        [
          scaffolderActionsExtensionPoint,
          { addActions: (...added: any[]) => actions.push(...added) },
        ],
      ],
      features: [
        scaffolderModuleAzureMl,
        catalogServiceMock.factory(),
        mockServices.rootConfig.factory({ data: {} }),
      ],
    });
    if (process.env.UPDATE_README) {
      let readme = await fs.readFile(readmePath, 'utf8');
      for (const action of actions) {
        const start = readme.indexOf(begin(action.id));
        if (start < 0) continue;
        const end = readme.indexOf(END, start) + END.length;
        readme = readme.slice(0, start) + generated(action) + readme.slice(end);
      }
      await fs.writeFile(readmePath, readme);
    }
  });

  it('has a section for every action the module registers', () => {
    const readme = fs.readFileSync(readmePath, 'utf8');
    expect(actions.map(a => a.id).sort()).toEqual([
      'azure-ml:environment:render',
      'azure-ml:environment:validate',
      'azure-ml:pipelines:fetch',
      'azure-ml:project:validate',
      'azure-ml:publish:local',
      'azure-ml:terraform:validate',
    ]);
    expect(
      actions.filter(a => !readme.includes(`### \`${a.id}\``)).map(a => a.id),
    ).toEqual([]);
  });

  it('documents every input and output of every action as its schema says', () => {
    const readme = fs.readFileSync(readmePath, 'utf8');
    for (const action of actions) {
      const start = readme.indexOf(begin(action.id));
      expect({ action: action.id, tables: start >= 0 }).toEqual({
        action: action.id,
        tables: true,
      });
      const end = readme.indexOf(END, start) + END.length;
      expect({
        action: action.id,
        tables: normalize(readme.slice(start, end)),
      }).toEqual({ action: action.id, tables: normalize(generated(action)) });
    }
  });

  it('renders nested and map-typed properties as rows of their own', () => {
    expect(
      rows({
        type: 'object',
        required: ['a'],
        properties: {
          a: {
            type: 'object',
            description: 'x | y',
            properties: { b: { type: 'string' } },
          },
          c: {
            type: 'array',
            items: { type: 'object', properties: { d: { type: 'number' } } },
          },
          e: { type: 'object', additionalProperties: { type: 'string' } },
        },
      }),
    ).toEqual([
      ['`a`', 'object', 'yes', 'x \\| y'],
      ['`a.b`', 'string', 'no', ''],
      ['`c`', 'object[]', 'no', ''],
      ['`c[].d`', 'number', 'no', ''],
      ['`e`', 'map of string', 'no', ''],
    ]);
  });
});
