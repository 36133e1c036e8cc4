import { parse } from '@cdktf/hcl2json';
import { hclString, renderTfvars } from './hcl';
import { deriveNames } from './rules';
import { stagingEnvironment } from './validate.examples';

describe('HCL rendering', () => {
  it.each([
    ['plain', '"plain"'],
    ['quote " inside', '"quote \\" inside"'],
    ['${var.secret}', '"$${var.secret}"'],
    ['%{ if true }x%{ endif }', '"%%{ if true }x%%{ endif }"'],
    ['back\\slash', '"back\\\\slash"'],
    ['multi\nline\ttab', '"multi\\nline\\ttab"'],
  ])(
    'escapes %j as the HCL literal %s, which parses',
    async (value, literal) => {
      expect(hclString(value)).toBe(literal);
      const json = await parse('t.tfvars', `v = ${literal}\n`);
      expect(typeof json.v).toBe('string');
    },
  );

  it('cannot be broken out of: a quote-and-brace attack stays one attribute', async () => {
    const json = await parse(
      't.tfvars',
      `v = ${hclString('x"\n}\nresource "null_resource" "pwn" {\n')}\n`,
    );
    expect(Object.keys(json)).toEqual(['v']);
  });

  it('renders terraform.tfvars that parses to the input values', async () => {
    const names = deriveNames(
      stagingEnvironment.name,
      stagingEnvironment.location,
    );
    const text = renderTfvars(
      { ...stagingEnvironment, tags: { evil: '${jsonencode(1)}' } },
      names,
    );
    const json = await parse('terraform.tfvars', text);
    expect(json).toMatchObject({
      name: 'staging',
      name_suffix: names.nameSuffix,
      address_space: '10.30.0.0/16',
      subnet_cidrs: {
        private_endpoints: '10.30.1.0/24',
        bastion: '10.30.2.0/26',
        jumpbox: '10.30.3.0/24',
      },
      // Terraform's JSON form keeps a literal "${" escaped as "$${": not an interpolation.
      tags: { evil: '$${jsonencode(1)}', owner: 'group:default/ml-platform' },
    });
  });
});
