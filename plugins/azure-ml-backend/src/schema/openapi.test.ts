import fs from 'node:fs';
// The generator is the plain Node script that `yarn lint` runs with `--check`.
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
const { drift, yamlPath } = require('../../scripts/openapi.js');

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
