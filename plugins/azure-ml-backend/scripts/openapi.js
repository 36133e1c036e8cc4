#!/usr/bin/env node
// The plugin's HTTP contract has one source: src/schema/openapi.yaml. This script derives
//   - src/schema/openapi.generated.ts             the typed, validating Express router (backend)
//   - ../azure-ml-common/src/generated/openapi.ts  request/response types and enum value lists
//                                                  (openapi-typescript), from which -common's
//                                                  DTOs, the backend and the frontend client type
// `node scripts/openapi.js` writes both; `node scripts/openapi.js --check` fails (exit 1) when
// either file differs from what the YAML gives (run by `yarn lint`).
// Backstage's `backstage-repo-tools package schema openapi generate` would be the first choice,
// but it runs the Java openapi-generator jar, which it downloads from Maven Central at run time.
const fs = require('node:fs');
const path = require('node:path');
const { parse } = require('yaml');

const pluginDir = path.resolve(__dirname, '..');
const yamlPath = path.join(pluginDir, 'src/schema/openapi.yaml');
const targets = {
  router: path.join(pluginDir, 'src/schema/openapi.generated.ts'),
  types: path.join(pluginDir, '../azure-ml-common/src/generated/openapi.ts'),
};
const HEADER = `// This file is generated from plugins/azure-ml-backend/src/schema/openapi.yaml by
// plugins/azure-ml-backend/scripts/openapi.js. Do not edit: edit the YAML and run
// \`yarn workspace @internal/plugin-azure-ml-backend openapi:generate\`.
`;

function renderRouter(spec) {
  return `${HEADER}
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';

export const spec = ${JSON.stringify(spec, null, 2)} as const;

export const createOpenApiRouter = async (
  options?: Parameters<typeof createValidatedOpenApiRouter>['1'],
) => createValidatedOpenApiRouter<typeof spec>(spec, options);
`;
}

async function renderTypes(spec) {
  // CommonJS build: jest cannot run a dynamic import() without --experimental-vm-modules.
  const { default: openapiTS, astToString } = require('openapi-typescript');
  const ast = await openapiTS(spec, {
    enumValues: true, // runtime lists of enum members, e.g. runStatusValues
  });
  return `${HEADER}/* eslint-disable */\n\n${astToString(ast)}`;
}

async function format(text, filePath) {
  const prettier = require('prettier');
  const options = (await prettier.resolveConfig(filePath)) ?? {};
  return prettier.format(text, { ...options, filepath: filePath });
}

/** The generated files for a YAML text, formatted as committed. */
async function render(yamlText) {
  const spec = parse(yamlText);
  return {
    [targets.router]: await format(renderRouter(spec), targets.router),
    [targets.types]: await format(await renderTypes(spec), targets.types),
  };
}

/** Paths of generated files that differ from what `yamlText` gives (empty: in step). */
async function drift(yamlText) {
  const files = await render(yamlText);
  return Object.entries(files)
    .filter(
      ([file, text]) =>
        !fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== text,
    )
    .map(([file]) => path.relative(pluginDir, file));
}

module.exports = { render, drift, yamlPath };

if (require.main === module) {
  const yamlText = fs.readFileSync(yamlPath, 'utf8');
  (async () => {
    if (process.argv.includes('--check')) {
      const stale = await drift(yamlText);
      if (stale.length) {
        console.error(
          `The API contract drifted from src/schema/openapi.yaml: ${stale.join(
            ', ',
          )}.\nRun \`yarn workspace @internal/plugin-azure-ml-backend openapi:generate\` and commit the result.`,
        );
        process.exit(1);
      }
      console.log('openapi: generated files match src/schema/openapi.yaml');
      return;
    }
    for (const [file, text] of Object.entries(await render(yamlText))) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text);
      console.log(`wrote ${path.relative(pluginDir, file)}`);
    }
  })().catch(error => {
    console.error(error);
    process.exit(1);
  });
}
