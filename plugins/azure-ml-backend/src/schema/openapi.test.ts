import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { spec } from './openapi.generated';

describe('openapi.generated.ts', () => {
  it('matches openapi.yaml (run `yarn generate:openapi` after editing the YAML)', () => {
    const yaml = fs.readFileSync(path.join(__dirname, 'openapi.yaml'), 'utf8');
    expect(spec).toEqual(parse(yaml));
  });
});
