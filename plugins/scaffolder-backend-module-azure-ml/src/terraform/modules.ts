import fs from 'fs-extra';
import path from 'node:path';
import { blocks, HclBody, parseHcl } from './parser';

/** What a local module declares: its variables (required when without default) and outputs. */
export interface ModuleDeclarations {
  variables: Map<string, { required: boolean }>;
  outputs: Set<string>;
  /** Sources of its module calls. */
  moduleSources: string[];
}

/**
 * Resolves local module sources to folders and reads their declarations, once per folder.
 */
export class ModuleResolver {
  private readonly declarationCache = new Map<
    string,
    Promise<ModuleDeclarations | undefined>
  >();

  /**
   * @param modulesDir - Folder of the platform modules; a source such as
   * `../../modules/network` that does not exist next to the caller resolves to
   * `<modulesDir>/network`.
   */
  constructor(private readonly modulesDir?: string) {}

  /** The folder a local source (`./x`, `../x`) of a module in `callerDir` points to, if any. */
  async resolveSource(callerDir: string, source: string) {
    const direct = path.resolve(callerDir, source);
    if (await fs.pathExists(direct)) return direct;
    const { modulesDir } = this;
    if (modulesDir && /(^|\/)modules\/[^/]+\/?$/.test(source)) {
      const fallback = path.join(modulesDir, path.basename(source));
      if (await fs.pathExists(fallback)) return fallback;
    }
    return undefined;
  }

  /**
   * Variables and outputs declared by the `.tf` files of a module folder (files that do not
   * parse count as empty); undefined when the folder does not exist.
   */
  async declarations(dir: string) {
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
      moduleSources: [],
    };
    const names = (await fs.readdir(dir)).filter(f => f.endsWith('.tf'));
    for (const name of names) {
      const json = await parseHcl(
        name,
        await fs.readFile(path.join(dir, name), 'utf8'),
      ).catch(() => ({} as HclBody));
      blocks(json.variable).forEach(([variable, body]) =>
        declarations.variables.set(variable, {
          required: !('default' in body),
        }),
      );
      blocks(json.output).forEach(([output]) =>
        declarations.outputs.add(output),
      );
      blocks(json.module).forEach(([, body]) => {
        if (typeof body.source === 'string') {
          declarations.moduleSources.push(body.source);
        }
      });
    }
    return declarations;
  }

  /**
   * The local module folders `dir` calls, directly or through other local modules (registry
   * and remote sources are skipped), in the order found.
   */
  async moduleTree(dir: string): Promise<string[]> {
    const found: string[] = [];
    const visit = async (caller: string) => {
      const sources = (await this.declarations(caller))?.moduleSources ?? [];
      for (const source of sources.filter(s => /^\.\.?\//.test(s))) {
        const target = await this.resolveSource(caller, source);
        if (target && !found.includes(target)) {
          found.push(target);
          await visit(target);
        }
      }
    };
    await visit(dir);
    return found;
  }
}
