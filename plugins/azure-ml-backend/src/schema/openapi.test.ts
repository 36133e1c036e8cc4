import fs from 'node:fs';
// The generator is the plain Node script that `yarn lint` runs with `--check`.
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
const { drift, yamlPath } = require('../../scripts/openapi.js');

// Generating runs openapi-typescript and prettier over the whole contract:
// about a second alone, several on a loaded CI machine, so not jest's 5 s.
jest.setTimeout(60_000);

describe('the API contract (openapi.yaml → generated router and types)', () => {
  const yamlText = fs.readFileSync(yamlPath, 'utf8');

  it('the committed generated files match openapi.yaml', async () => {
    await expect(drift(yamlText)).resolves.toEqual([]);
  });

  it('reports both generated files when the YAML changes', async () => {
    const edited = yamlText.replace(
      '        - Paused\n',
      '        - Paused\n        - Suspended\n',
    );
    expect(edited).not.toEqual(yamlText);
    await expect(drift(edited)).resolves.toEqual([
      'src/schema/openapi.generated.ts',
      '../azure-ml-common/src/generated/openapi.ts',
    ]);
  });
});
