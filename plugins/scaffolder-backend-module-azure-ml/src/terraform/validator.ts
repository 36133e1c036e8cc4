import { parse } from '@cdktf/hcl2json';
import fs from 'fs-extra';
import path from 'node:path';
import { LineRange, SourceIndex } from './sourceIndex';

/**
 * Structural Terraform validator: what `terraform validate` would catch about wiring, plus the
 * platform's private-only rules, without a Terraform binary.
 */

/** The rule a finding breaks. @public */
export type TerraformRule =
  | 'parse'
  | 'undeclared-variable'
  | 'undeclared-local'
  | 'module-source'
  | 'unknown-module-input'
  | 'missing-module-input'
  | 'unknown-module'
  | 'unknown-module-output'
  | 'unpinned-provider'
  | 'public-network-access'
  | 'private-endpoint-dns';

/** One finding, located in the source. @public */
export interface TerraformIssue {
  /** Path relative to the validated root (POSIX separators). */
  file: string;
  /** 1-based line number. */
  line: number;
  rule: TerraformRule;
  message: string;
}

/** @public */
export interface TerraformValidationOptions {
  /**
   * Directory with the platform modules. A local module source such as `../../modules/network`
   * that does not exist next to the caller is looked up here as `<modulesDir>/network`, so a
   * generated environment can be validated before it sits in the platform repository.
   */
  modulesDir?: string;
}

/** @public */
export interface TerraformValidationResult {
  valid: boolean;
  issues: TerraformIssue[];
  /** Files parsed, relative to the root. */
  files: string[];
}

type HclBody = Record<string, any>;

interface ParsedFile {
  absolutePath: string;
  relativePath: string;
  json: HclBody;
  source: SourceIndex;
}

interface ModuleDeclarations {
  variables: Map<string, { required: boolean }>;
  outputs: Set<string>;
}

const MODULE_META_ARGUMENTS = new Set([
  'source',
  'version',
  'count',
  'for_each',
  'providers',
  'depends_on',
]);

/** Resource types that default to public access when the flag is omitted. */
const PUBLIC_BY_DEFAULT = new Set([
  'azurerm_storage_account',
  'azurerm_key_vault',
  'azurerm_container_registry',
  'azurerm_machine_learning_workspace',
]);

/** `~> 4.50`, `~> 4.50.1`, `4.50.1`, `= 4.50.1`. */
const PINNED_CONSTRAINT = /^(~>\s*\d+\.\d+(\.\d+)?|=?\s*\d+\.\d+\.\d+)$/;

const HCL_EXTENSIONS = ['.tf', '.tfvars', '.hcl'];

async function listFiles(root: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (dir: string) => {
    for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (HCL_EXTENSIONS.some(ext => entry.name.endsWith(ext)))
        found.push(full);
    }
  };
  if ((await fs.stat(root)).isFile()) return [root];
  await walk(root);
  return found.sort();
}

/** Every expression string (`${...}`) in a parsed body, depth first. */
function expressions(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') {
    if (value.includes('${')) out.push(value);
  } else if (Array.isArray(value)) {
    value.forEach(item => expressions(item, out));
  } else if (value && typeof value === 'object') {
    Object.values(value).forEach(item => expressions(item, out));
  }
  return out;
}

function references(text: string, prefix: string): string[][] {
  const pattern = new RegExp(
    `(?<![\\w.])${prefix}\\.([A-Za-z_][\\w-]*)(?:\\.([A-Za-z_][\\w-]*))?`,
    'g',
  );
  return [...text.matchAll(pattern)].map(match =>
    match.slice(1).filter(Boolean),
  );
}

/** Entries of a `{ name: [body, ...] }` map as [name, body] pairs. */
function blocks(map: HclBody | undefined): [string, HclBody][] {
  if (!map) return [];
  return Object.entries(map).flatMap(([name, bodies]) =>
    (Array.isArray(bodies) ? bodies : [bodies]).map(
      body => [name, body] as [string, HclBody],
    ),
  );
}

/** Entries of `resource`/`data`: [type, name, body]. */
function typedBlocks(map: HclBody | undefined): [string, string, HclBody][] {
  if (!map) return [];
  return Object.entries(map).flatMap(([type, byName]) =>
    blocks(byName as HclBody).map(
      ([name, body]) => [type, name, body] as [string, string, HclBody],
    ),
  );
}

function isLiteralTrue(value: unknown) {
  return value === true || value === '${true}';
}

class Validator {
  private readonly issues: TerraformIssue[] = [];
  private readonly declarationCache = new Map<
    string,
    Promise<ModuleDeclarations | undefined>
  >();

  constructor(
    private readonly root: string,
    private readonly options: TerraformValidationOptions,
  ) {}

  async run(): Promise<TerraformValidationResult> {
    const files = await listFiles(this.root);
    const parsed = (await Promise.all(files.map(f => this.parseFile(f)))).filter(
      (f): f is ParsedFile => Boolean(f),
    );

    const byDirectory = new Map<string, ParsedFile[]>();
    for (const file of parsed.filter(f => f.absolutePath.endsWith('.tf'))) {
      const dir = path.dirname(file.absolutePath);
      byDirectory.set(dir, [...(byDirectory.get(dir) ?? []), file]);
    }
    for (const [dir, moduleFiles] of byDirectory) {
      await this.checkModule(dir, moduleFiles);
    }

    const issues = this.issues.sort(
      (a, b) => a.file.localeCompare(b.file) || a.line - b.line,
    );
    return {
      valid: issues.length === 0,
      issues,
      files: files.map(f => this.relative(f)),
    };
  }

  private relative(file: string) {
    const relativePath = path.relative(this.root, file) || path.basename(file);
    return relativePath.split(path.sep).join('/');
  }

  private report(
    file: ParsedFile,
    line: number | undefined,
    rule: TerraformRule,
    message: string,
  ) {
    this.issues.push({
      file: file.relativePath,
      line: (line ?? 0) + 1,
      rule,
      message,
    });
  }

  private async parseFile(absolutePath: string) {
    const text = await fs.readFile(absolutePath, 'utf8');
    const relativePath = this.relative(absolutePath);
    try {
      const json = await parse(path.basename(absolutePath), text);
      return { absolutePath, relativePath, json, source: new SourceIndex(text) };
    } catch (error) {
      const message = String((error as Error).message ?? error);
      // hcl2json reports "file.tf:LINE,COL-...: summary; detail".
      const position = message.match(/:(\d+),\d+(?:-\d+(?:,\d+)?)?:\s*([^;\]]+)/);
      this.issues.push({
        file: relativePath,
        line: position ? Number(position[1]) : 1,
        rule: 'parse',
        message: `does not parse: ${position ? position[2].trim() : message}`,
      });
      return undefined;
    }
  }

  private async checkModule(dir: string, files: ParsedFile[]) {
    const variables = new Set<string>();
    const locals = new Set<string>();
    const moduleCalls = new Map<string, { body: HclBody; file: ParsedFile }>();
    for (const file of files) {
      blocks(file.json.variable).forEach(([name]) => variables.add(name));
      (file.json.locals ?? []).forEach((body: HclBody) =>
        Object.keys(body).forEach(name => locals.add(name)),
      );
      blocks(file.json.module).forEach(([name, body]) =>
        moduleCalls.set(name, { body, file }),
      );
    }

    const calledModules = new Map<string, ModuleDeclarations | undefined>();
    for (const [name, { body, file }] of moduleCalls) {
      calledModules.set(name, await this.checkModuleCall(dir, name, body, file));
    }

    for (const file of files) {
      this.checkReferences(file, variables, locals, moduleCalls, calledModules);
      this.checkPrivateOnly(file);
    }
    this.checkProviders(files);
  }

  private async moduleDeclarations(dir: string) {
    if (!this.declarationCache.has(dir)) {
      this.declarationCache.set(dir, this.loadDeclarations(dir));
    }
    return this.declarationCache.get(dir)!;
  }

  private async loadDeclarations(
    dir: string,
  ): Promise<ModuleDeclarations | undefined> {
    if (!(await fs.pathExists(dir))) return undefined;
    const declarations: ModuleDeclarations = {
      variables: new Map(),
      outputs: new Set(),
    };
    const names = (await fs.readdir(dir)).filter(f => f.endsWith('.tf'));
    for (const name of names) {
      const json = await parse(
        name,
        await fs.readFile(path.join(dir, name), 'utf8'),
      ).catch(() => ({}) as HclBody);
      blocks(json.variable).forEach(([variable, body]) =>
        declarations.variables.set(variable, {
          required: !('default' in body),
        }),
      );
      blocks(json.output).forEach(([output]) => declarations.outputs.add(output));
    }
    return declarations;
  }

  private async resolveModuleSource(callerDir: string, source: string) {
    const direct = path.resolve(callerDir, source);
    if (await fs.pathExists(direct)) return direct;
    const { modulesDir } = this.options;
    if (modulesDir && /(^|\/)modules\/[^/]+\/?$/.test(source)) {
      const fallback = path.join(modulesDir, path.basename(source));
      if (await fs.pathExists(fallback)) return fallback;
    }
    return undefined;
  }

  private async checkModuleCall(
    dir: string,
    name: string,
    body: HclBody,
    file: ParsedFile,
  ) {
    const block = file.source.findBlock('module', [name]);
    const source = body.source;
    if (typeof source !== 'string' || !/^\.\.?\//.test(source)) {
      return undefined; // registry or remote modules are not checked here
    }
    const moduleDir = await this.resolveModuleSource(dir, source);
    const declarations = moduleDir
      ? await this.moduleDeclarations(moduleDir)
      : undefined;
    if (!declarations) {
      this.report(
        file,
        block && file.source.findAttribute('source', block),
        'module-source',
        `module "${name}": source "${source}" does not exist`,
      );
      return undefined;
    }
    const inputs = Object.keys(body).filter(k => !MODULE_META_ARGUMENTS.has(k));
    for (const input of inputs) {
      if (!declarations.variables.has(input)) {
        this.report(
          file,
          block && file.source.findAttribute(input, block),
          'unknown-module-input',
          `module "${name}": "${input}" is not a variable of ${source}`,
        );
      }
    }
    for (const [variable, { required }] of declarations.variables) {
      if (required && !inputs.includes(variable)) {
        this.report(
          file,
          block?.start,
          'missing-module-input',
          `module "${name}": required variable "${variable}" of ${source} is not set`,
        );
      }
    }
    return declarations;
  }

  private checkReferences(
    file: ParsedFile,
    variables: Set<string>,
    locals: Set<string>,
    moduleCalls: Map<string, unknown>,
    calledModules: Map<string, ModuleDeclarations | undefined>,
  ) {
    const seen = new Set<string>();
    const once = (key: string, fn: () => void) => {
      if (!seen.has(key)) {
        seen.add(key);
        fn();
      }
    };
    for (const expression of expressions(file.json)) {
      for (const [name] of references(expression, 'var')) {
        if (!variables.has(name)) {
          once(`var.${name}`, () =>
            this.report(
              file,
              file.source.findReference(`var.${name}`),
              'undeclared-variable',
              `var.${name} is used but no variable "${name}" is declared in this module`,
            ),
          );
        }
      }
      for (const [name] of references(expression, 'local')) {
        if (!locals.has(name)) {
          once(`local.${name}`, () =>
            this.report(
              file,
              file.source.findReference(`local.${name}`),
              'undeclared-local',
              `local.${name} is used but not defined in a locals block`,
            ),
          );
        }
      }
      for (const [name, output] of references(expression, 'module')) {
        const reference = output ? `module.${name}.${output}` : `module.${name}`;
        if (!moduleCalls.has(name)) {
          once(reference, () =>
            this.report(
              file,
              file.source.findReference(reference),
              'unknown-module',
              `${reference} refers to module "${name}", which is not called in this module`,
            ),
          );
          continue;
        }
        const declarations = calledModules.get(name);
        if (output && declarations && !declarations.outputs.has(output)) {
          once(reference, () =>
            this.report(
              file,
              file.source.findReference(reference),
              'unknown-module-output',
              `${reference}: module "${name}" has no output "${output}"`,
            ),
          );
        }
      }
    }
  }

  private checkPrivateOnly(file: ParsedFile) {
    for (const [type, name, body] of typedBlocks(file.json.resource)) {
      const block = file.source.findBlock('resource', [type, name]);
      const where = `${type}.${name}`;

      this.findPublicAccess(body, (key, line) =>
        this.report(
          file,
          block && (file.source.findAttribute(key, block) ?? line ?? block.start),
          'public-network-access',
          `${where}: ${key} turns public network access on; the platform is private-only`,
        ),
      );

      if (PUBLIC_BY_DEFAULT.has(type)) {
        const flag = body.public_network_access_enabled;
        if (flag === undefined) {
          this.report(
            file,
            block?.start,
            'public-network-access',
            `${where}: public_network_access_enabled is not set and defaults to true; set it to false`,
          );
        } else if (flag !== false && !isLiteralTrue(flag)) {
          this.report(
            file,
            block && file.source.findAttribute('public_network_access_enabled', block),
            'public-network-access',
            `${where}: public_network_access_enabled must be the literal false, not an expression`,
          );
        }
      }

      if (type === 'azurerm_private_endpoint') {
        this.checkZoneGroup(file, where, body, block);
      }
    }
  }

  private findPublicAccess(
    value: unknown,
    onFound: (key: string, line?: number) => void,
  ) {
    if (Array.isArray(value)) {
      value.forEach(item => this.findPublicAccess(item, onFound));
      return;
    }
    if (!value || typeof value !== 'object') return;
    for (const [key, item] of Object.entries(value)) {
      const normalized = key.toLowerCase().replace(/_/g, '');
      const on =
        (normalized === 'publicnetworkaccessenabled' && isLiteralTrue(item)) ||
        (normalized === 'publicnetworkaccess' &&
          typeof item === 'string' &&
          item.toLowerCase() === 'enabled');
      if (on) onFound(key);
      else this.findPublicAccess(item, onFound);
    }
  }

  private checkZoneGroup(
    file: ParsedFile,
    where: string,
    body: HclBody,
    block: LineRange | undefined,
  ) {
    const groups: HclBody[] = body.private_dns_zone_group ?? [];
    const dynamicGroup = body.dynamic?.private_dns_zone_group;
    if (groups.length === 0 && !dynamicGroup) {
      this.report(
        file,
        block?.start,
        'private-endpoint-dns',
        `${where}: private endpoint has no private_dns_zone_group; its FQDNs would not resolve through the central private DNS zones`,
      );
      return;
    }
    for (const group of groups) {
      const ids = group.private_dns_zone_ids;
      if (ids === undefined || (Array.isArray(ids) && ids.length === 0)) {
        const groupBlock = block && file.source.findBlock('private_dns_zone_group', [], block);
        this.report(
          file,
          groupBlock?.start ?? block?.start,
          'private-endpoint-dns',
          `${where}: private_dns_zone_group lists no private_dns_zone_ids`,
        );
      }
    }
  }

  private checkProviders(files: ParsedFile[]) {
    const required = new Map<string, { version?: unknown; file: ParsedFile }>();
    for (const file of files) {
      for (const terraform of file.json.terraform ?? []) {
        for (const providers of terraform.required_providers ?? []) {
          for (const [name, spec] of Object.entries<any>(providers)) {
            required.set(name, {
              version: typeof spec === 'string' ? spec : spec?.version,
              file,
            });
          }
        }
      }
    }

    for (const [name, { version, file }] of required) {
      const block = file.source.findBlock('required_providers');
      const line =
        block &&
        (file.source.findAttribute(name, block) ??
          file.source.findBlock(name, [], block)?.start);
      const constraints =
        typeof version === 'string'
          ? version.split(',').map(part => part.trim())
          : [];
      if (constraints.length === 0) {
        this.report(
          file,
          line,
          'unpinned-provider',
          `provider "${name}" has no version constraint; pin it with "~> X.Y" or an exact version`,
        );
      } else if (!constraints.every(c => PINNED_CONSTRAINT.test(c))) {
        this.report(
          file,
          line,
          'unpinned-provider',
          `provider "${name}" version "${version}" is not pinned; use "~> X.Y" or an exact version, not >=, > or <`,
        );
      }
    }

    const used = new Map<string, { file: ParsedFile; type: string; name: string; kind: string }>();
    for (const file of files) {
      for (const kind of ['resource', 'data'] as const) {
        for (const [type, name] of typedBlocks(file.json[kind])) {
          const provider = type.split('_')[0];
          if (provider !== 'terraform' && !used.has(provider)) {
            used.set(provider, { file, type, name, kind });
          }
        }
      }
    }
    for (const [provider, { file, type, name, kind }] of used) {
      if (!required.has(provider)) {
        this.report(
          file,
          file.source.findBlock(kind, [type, name])?.start,
          'unpinned-provider',
          `${type}.${name} uses provider "${provider}", which is missing from required_providers (unpinned)`,
        );
      }
    }
  }
}

/**
 * Validates every `.tf`, `.tfvars` and `.hcl` file under `root` (a directory or one file).
 * @public
 */
export async function validateTerraform(
  root: string,
  options: TerraformValidationOptions = {},
): Promise<TerraformValidationResult> {
  return new Validator(path.resolve(root), options).run();
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
