import fs from 'fs-extra';
import os from 'node:os';
import path from 'node:path';
import {
  assertValidTerraform,
  formatTerraformIssue,
  validateTerraform,
} from './validator';

const repoRoot = path.resolve(__dirname, '../../../..');
const fixtures = path.resolve(__dirname, '../../test/fixtures/terraform');
const fixture = (name: string) => path.join(fixtures, name);

describe('validateTerraform', () => {
  // environments/*/moved.tf and the modules' `moved` blocks name addresses such as
  // module.network (no longer called in the root): they are not references to check.
  it('passes on the platform terraform/ tree, moved blocks included', async () => {
    const result = await validateTerraform(path.join(repoRoot, 'terraform'));
    expect(result.issues.map(formatTerraformIssue)).toEqual([]);
    expect(result.files).toEqual(
      expect.arrayContaining([
        'modules/aml-managed-umi/main.tf',
        'environment/main.tf',
        'environment/moved.tf',
        'environments/dev/backend.hcl',
        'environments/prod/backend.hcl',
        'shared-dns/main.tf',
      ]),
    );
  });

  it('passes on a valid fixture', async () => {
    await expect(
      assertValidTerraform(fixture('valid')),
    ).resolves.toBeUndefined();
  });

  it('reports an undeclared variable with file, line and reason', async () => {
    const { valid, issues } = await validateTerraform(
      fixture('undeclared-variable'),
    );
    expect(valid).toBe(false);
    expect(issues).toEqual([
      {
        file: 'main.tf',
        line: 9,
        rule: 'undeclared-variable',
        message: expect.stringContaining(
          'var.region is used but no variable "region" is declared',
        ),
      },
    ]);
  });

  it('reports a missing required module input and an unknown one', async () => {
    const { issues } = await validateTerraform(fixture('missing-module-input'));
    expect(issues).toEqual([
      {
        file: 'main.tf',
        line: 1,
        rule: 'missing-module-input',
        message:
          'module "box": required variable "name" of ../modules/box is not set',
      },
      {
        file: 'main.tf',
        line: 4,
        rule: 'unknown-module-input',
        message: 'module "box": "colour" is not a variable of ../modules/box',
      },
    ]);
  });

  it('reports unpinned and undeclared providers', async () => {
    const { issues } = await validateTerraform(fixture('unpinned-provider'));
    expect(issues.map(i => [i.file, i.line, i.rule])).toEqual([
      ['main.tf', 3, 'unpinned-provider'],
      ['main.tf', 15, 'unpinned-provider'],
    ]);
    expect(issues[0].message).toContain('version ">= 3.0" is not pinned');
    expect(issues[1].message).toContain(
      'provider "random", which is missing from required_providers',
    );
  });

  it('reports public network access turned on or left at its default', async () => {
    const { issues } = await validateTerraform(fixture('public-access'));
    expect(issues.map(formatTerraformIssue)).toEqual([
      'main.tf:7: azurerm_storage_account.open: public_network_access_enabled turns public network access on; the platform is private-only [public-network-access]',
      'main.tf:10: azurerm_key_vault.defaulted: public_network_access_enabled is not set and defaults to true; set it to false [public-network-access]',
    ]);
  });

  it('reports a private endpoint without a DNS zone group', async () => {
    const { issues } = await validateTerraform(
      fixture('pe-without-zone-group'),
    );
    expect(issues).toEqual([
      expect.objectContaining({
        file: 'main.tf',
        line: 1,
        rule: 'private-endpoint-dns',
        message: expect.stringContaining(
          'azurerm_private_endpoint.workspace: private endpoint has no private_dns_zone_group',
        ),
      }),
    ]);
  });

  it('reports a reference to an output the module does not have', async () => {
    const { issues } = await validateTerraform(
      fixture('unknown-module-output'),
    );
    expect(issues.map(formatTerraformIssue)).toEqual([
      'main.tf:8: module.box.name: module "box" has no output "name" [unknown-module-output]',
    ]);
  });

  it('reports a file that does not parse, with the parser position', async () => {
    const { issues } = await validateTerraform(fixture('parse-error'));
    expect(issues).toEqual([
      expect.objectContaining({ file: 'main.tf', rule: 'parse', line: 5 }),
    ]);
    expect(issues[0].message).toMatch(/^does not parse: /);
  });

  it('resolves platform module sources through modulesDir when they are not alongside', async () => {
    // The environment root without the modules beside it (as in a scaffolder workspace).
    const workspace = await fs.mkdtemp(path.join(os.tmpdir(), 'tf-workspace-'));
    const env = path.join(workspace, 'terraform/environment');
    await fs.copy(path.join(repoRoot, 'terraform/environment'), env);
    try {
      const alone = await validateTerraform(env);
      expect(alone.issues.map(formatTerraformIssue)).toContainEqual(
        expect.stringMatching(
          /^main\.tf:\d+: module "environment": source "\.\.\/modules\/aml-environment" does not exist \[module-source\]$/,
        ),
      );
      await expect(
        assertValidTerraform(env, {
          modulesDir: path.join(repoRoot, 'terraform/modules'),
        }),
      ).resolves.toBeUndefined();
    } finally {
      await fs.remove(workspace);
    }
  });

  it('assertValidTerraform lists every finding', async () => {
    await expect(
      assertValidTerraform(fixture('public-access')),
    ).rejects.toThrow(/main\.tf:7: .*\nmain\.tf:10: /);
  });

  it("checks an environment's values against the root module they are for", async () => {
    const root = path.join(repoRoot, 'terraform/environment');
    const modulesDir = path.join(repoRoot, 'terraform/modules');
    const dev = path.join(repoRoot, 'terraform/environments/dev');
    // The example values are .tfvars.example: copy them as a deployment would.
    const workspace = await fs.mkdtemp(path.join(os.tmpdir(), 'tf-values-'));
    try {
      await fs.copy(
        path.join(dev, 'terraform.tfvars.example'),
        path.join(workspace, 'terraform.tfvars'),
      );
      await expect(
        assertValidTerraform(workspace, { modulesDir, rootModule: root }),
      ).resolves.toBeUndefined();
      await fs.appendFile(
        path.join(workspace, 'terraform.tfvars'),
        '\nvnet_cidr = "10.0.0.0/8"\n',
      );
      const { issues } = await validateTerraform(workspace, {
        modulesDir,
        rootModule: root,
      });
      expect(issues.map(formatTerraformIssue)).toEqual([
        expect.stringMatching(
          /^terraform\.tfvars:\d+: "vnet_cidr" is set, but the root module environment declares no variable "vnet_cidr" \[undeclared-variable\]$/,
        ),
      ]);
      const missing = await validateTerraform(workspace, {
        rootModule: path.join(workspace, 'no-such-root'),
      });
      expect(missing.issues.map(i => i.message)).toContain(
        'the root module no-such-root that these values are for does not exist',
      );
    } finally {
      await fs.remove(workspace);
    }
  });

  describe('against the azurerm provider schema', () => {
    it('rejects the registry outbound rule with amlregistry, naming the argument and the allowed values', async () => {
      const { issues } = await validateTerraform(
        fixture('registry-outbound-rule'),
      );
      expect(issues.map(formatTerraformIssue)).toEqual([
        'main.tf:7: azurerm_machine_learning_workspace_network_outbound_rule_private_endpoint.registry: sub_resource_target = "amlregistry" is not allowed; the provider accepts account, vault, amlworkspace, blob, table, queue, file, web, dfs, redisCache (internal/services/machinelearning/machine_learning_workspace_network_outbound_rule_private_endpoint_resource.go @0a615c5) [provider-schema]',
      ]);
    });

    it('reports unknown and missing arguments, wrong value types, block nesting and enum values', async () => {
      const { issues } = await validateTerraform(fixture('provider-schema'));
      expect(issues.map(formatTerraformIssue)).toEqual([
        'main.tf:1: azurerm_user_assigned_identity.this: missing required argument "location" [provider-schema]',
        'main.tf:4: azurerm_user_assigned_identity.this: unsupported argument "colour"; the azurerm 4.55.0 schema allows id, location, name, resource_group_name, tags; blocks: timeouts [provider-schema]',
        'main.tf:12: azurerm_storage_account.this: "account_replication_type" is a list where a string is expected (azurerm 4.55.0 schema) [provider-schema]',
        'main.tf:15: azurerm_storage_account.this: at most one "network_rules" block is allowed, found 2 [provider-schema]',
        'main.tf:29: azurerm_machine_learning_compute_cluster.this: vm_priority = "Spot" is not allowed; the provider accepts Dedicated, LowPriority (internal/services/machinelearning/machine_learning_compute_cluster_resource.go @0048934) [provider-schema]',
        'main.tf:30: azurerm_machine_learning_compute_cluster.this: "scale_settings" is a block; write scale_settings { ... }, not scale_settings = ... [provider-schema]',
      ]);
    });

    it('reports an azurerm type that is not in the schema', async () => {
      const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tf-schema-'));
      try {
        await fs.copy(
          fixture('valid/versions.tf'),
          path.join(dir, 'versions.tf'),
        );
        await fs.writeFile(
          path.join(dir, 'main.tf'),
          'data "azurerm_storage_acount" "typo" {\n  name = "st"\n}\n',
        );
        const { issues } = await validateTerraform(dir);
        expect(issues.map(formatTerraformIssue)).toEqual([
          expect.stringMatching(
            /^main\.tf:1: data\.azurerm_storage_acount\.typo: azurerm_storage_acount is not in the provider schema extract \(azurerm 4\.55\.0\): not a data source of the provider/,
          ),
        ]);
      } finally {
        await fs.remove(dir);
      }
    });

    it.each(['dev', 'prod'])(
      'passes on the %s values with the whole tree they deploy',
      async name => {
        const workspace = await fs.mkdtemp(path.join(os.tmpdir(), 'tf-env-'));
        try {
          await fs.copy(
            path.join(
              repoRoot,
              `terraform/environments/${name}/terraform.tfvars.example`,
            ),
            path.join(workspace, 'terraform.tfvars'),
          );
          await expect(
            assertValidTerraform(workspace, {
              modulesDir: path.join(repoRoot, 'terraform/modules'),
              rootModule: path.join(repoRoot, 'terraform/environment'),
            }),
          ).resolves.toBeUndefined();
        } finally {
          await fs.remove(workspace);
        }
      },
    );

    it("validates every module an environment's values deploy, through the root module", async () => {
      // A copy of the platform tree with the registry outbound rule as it was before.
      const copy = await fs.mkdtemp(path.join(os.tmpdir(), 'tf-tree-'));
      try {
        await fs.copy(path.join(repoRoot, 'terraform'), copy);
        await fs.appendFile(
          path.join(copy, 'modules/aml-managed-umi/main.tf'),
          [
            'resource "azurerm_machine_learning_workspace_network_outbound_rule_private_endpoint" "registry" {',
            '  for_each            = var.registry_ids',
            '  name                = "registry-${each.key}"',
            '  workspace_id        = azurerm_machine_learning_workspace.this.id',
            '  service_resource_id = each.value',
            '  sub_resource_target = "amlregistry"',
            '}',
          ].join('\n'),
        );
        await fs.copy(
          path.join(copy, 'environments/prod/terraform.tfvars.example'),
          path.join(copy, 'environments/prod/terraform.tfvars'),
        );
        const { issues } = await validateTerraform(
          path.join(copy, 'environments/prod/terraform.tfvars'),
          {
            modulesDir: path.join(copy, 'modules'),
            rootModule: path.join(copy, 'environment'),
          },
        );
        expect(issues.map(i => [i.file, i.rule])).toEqual([
          ['modules/aml-managed-umi/main.tf', 'provider-schema'],
        ]);
        expect(issues[0].message).toContain(
          'sub_resource_target = "amlregistry" is not allowed',
        );
      } finally {
        await fs.remove(copy);
      }
    });
  });
});
