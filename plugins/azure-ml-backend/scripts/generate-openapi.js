#!/usr/bin/env node
// Writes src/schema/openapi.generated.ts from src/schema/openapi.yaml (the typed router's
// spec). Run after editing the YAML: `yarn workspace @internal/plugin-azure-ml-backend generate:openapi`.
// A test fails when the two drift apart.
const fs = require('node:fs');
const path = require('node:path');
const { parse } = require('yaml');

const schemaDir = path.resolve(__dirname, '../src/schema');

function render(yamlText) {
  const spec = parse(yamlText);
  return `// This file is generated from openapi.yaml by scripts/generate-openapi.js. Do not edit.

import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';

export const spec = ${JSON.stringify(spec, null, 2)} as const;

export const createOpenApiRouter = async (
  options?: Parameters<typeof createValidatedOpenApiRouter>['1'],
) => createValidatedOpenApiRouter<typeof spec>(spec, options);
`;
}

module.exports = { render };

if (require.main === module) {
  const yamlText = fs.readFileSync(path.join(schemaDir, 'openapi.yaml'), 'utf8');
  fs.writeFileSync(path.join(schemaDir, 'openapi.generated.ts'), render(yamlText));
}
