import path from 'node:path';
import { ModuleResolver } from './modules';
import { blocks, HclBody, loadHclFiles, ParsedFile } from './parser';
import { Report, resourceBlocks } from './rules/common';
import { checkModuleCall } from './rules/moduleInputs';
import { checkPrivateEndpointDns } from './rules/privateEndpointDns';
import { checkProviderPinning } from './rules/providerPinning';
import { checkProviderSchema } from './rules/providerSchema';
import { checkPublicNetworkAccess } from './rules/publicNetworkAccess';
import { checkEnvironmentValues } from './rules/environmentValues';
import { checkReferences, ModuleScope } from './rules/references';
import type {
  TerraformIssue,
  TerraformValidationOptions,
  TerraformValidationResult,
} from './types';

/**
 * Structural Terraform validator: what `terraform validate` would catch about wiring and about
 * azurerm arguments (against the provider's schema), plus the platform's private-only rules,
 * without a Terraform binary. Files are loaded by ./parser,
 * local modules resolved by ./modules, and each rule family lives in ./rules.
 */

export type {
  TerraformIssue,
  TerraformRule,
  TerraformValidationOptions,
  TerraformValidationResult,
} from './types';

/** Runs every rule over one Terraform module (the parsed .tf files of `dir`). */
async function checkModule(
  dir: string,
  files: ParsedFile[],
  modules: ModuleResolver,
  report: Report,
) {
  const scope: ModuleScope = {
    variables: new Set(),
    locals: new Set(),
    modules: new Map(),
  };
  const moduleCalls = new Map<string, { body: HclBody; file: ParsedFile }>();
  for (const file of files) {
    blocks(file.json.variable).forEach(([name]) => scope.variables.add(name));
    (file.json.locals ?? []).forEach((body: HclBody) =>
      Object.keys(body).forEach(name => scope.locals.add(name)),
    );
    blocks(file.json.module).forEach(([name, body]) =>
      moduleCalls.set(name, { body, file }),
    );
  }

  for (const [name, { body, file }] of moduleCalls) {
    scope.modules.set(
      name,
      await checkModuleCall({ dir, name, body, file }, modules, report),
    );
  }

  for (const file of files) {
    checkReferences(file, scope, report);
    for (const resource of resourceBlocks(file)) {
      checkPublicNetworkAccess(resource, report);
      checkPrivateEndpointDns(resource, report);
    }
  }
  checkProviderPinning(files, report);
  checkProviderSchema(files, report);
}

/** The findings of one module folder's own `.tf` files (paths relative to it). */
async function validateModuleFolder(
  dir: string,
  modules: ModuleResolver,
): Promise<TerraformIssue[]> {
  const { parsed, issues } = await loadHclFiles(dir);
  const files = parsed.filter(
    f => f.absolutePath.endsWith('.tf') && path.dirname(f.absolutePath) === dir,
  );
  await checkModule(dir, files, modules, (file, line, rule, message) =>
    issues.push({
      file: file.relativePath,
      line: (line ?? 0) + 1,
      rule,
      message,
    }),
  );
  return issues.filter(issue => !issue.file.includes('/'));
}

/**
 * Validates every `.tf`, `.tfvars` and `.hcl` file under `root` (a directory or one file).
 * @public
 */
export async function validateTerraform(
  root: string,
  options: TerraformValidationOptions = {},
): Promise<TerraformValidationResult> {
  const absoluteRoot = path.resolve(root);
  const { files, parsed, issues } = await loadHclFiles(absoluteRoot);
  const report: Report = (file, line, rule, message) => {
    issues.push({
      file: file.relativePath,
      line: (line ?? 0) + 1,
      rule,
      message,
    });
  };
  const modules = new ModuleResolver(options.modulesDir);

  // A Terraform module is the .tf files of one folder.
  const byDirectory = new Map<string, ParsedFile[]>();
  for (const file of parsed.filter(f => f.absolutePath.endsWith('.tf'))) {
    const dir = path.dirname(file.absolutePath);
    byDirectory.set(dir, [...(byDirectory.get(dir) ?? []), file]);
  }
  for (const [dir, moduleFiles] of byDirectory) {
    await checkModule(dir, moduleFiles, modules, report);
  }

  if (options.rootModule) {
    const rootModule = path.resolve(options.rootModule);
    const valuesOf = {
      label: path.basename(rootModule),
      declarations: await modules.declarations(rootModule),
    };
    for (const file of parsed.filter(f => f.absolutePath.endsWith('.tfvars'))) {
      checkEnvironmentValues(file, valuesOf, report);
    }
    if (valuesOf.declarations && !byDirectory.has(rootModule)) {
      // The root and every local module it calls (what these values deploy), with their
      // findings named from the root's parent folder (environment/…, modules/…).
      const base = path.dirname(rootModule);
      for (const dir of [
        rootModule,
        ...(await modules.moduleTree(rootModule)),
      ]) {
        const own = await validateModuleFolder(dir, modules);
        const label = path.relative(base, dir).split(path.sep).join('/');
        issues.push(
          ...own.map(issue => ({ ...issue, file: `${label}/${issue.file}` })),
        );
      }
    }
  }

  issues.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return { valid: issues.length === 0, issues, files };
}

/** `file:line: message [rule]`. @public */
export function formatTerraformIssue(issue: TerraformIssue): string {
  return `${issue.file}:${issue.line}: ${issue.message} [${issue.rule}]`;
}

/**
 * Test helper: throws with every finding listed when `root` does not validate.
 * @public
 */
export async function assertValidTerraform(
  root: string,
  options: TerraformValidationOptions = {},
): Promise<void> {
  const result = await validateTerraform(root, options);
  if (!result.valid) {
    throw new Error(
      `Terraform under ${root} is not valid:\n${result.issues
        .map(formatTerraformIssue)
        .join('\n')}`,
    );
  }
}
