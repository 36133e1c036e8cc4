import { ModuleDeclarations, ModuleResolver } from '../modules';
import { HclBody, ParsedFile } from '../parser';
import { Report } from './common';

/** Module block arguments that are not inputs of the called module. */
const MODULE_META_ARGUMENTS = new Set([
  'source',
  'version',
  'count',
  'for_each',
  'providers',
  'depends_on',
]);

/**
 * Checks a call of a local module (`./x`, `../x`): its source exists (`module-source`), it
 * passes only variables of the module (`unknown-module-input`) and all required ones
 * (`missing-module-input`). Registry and remote modules are not checked.
 *
 * @returns the called module's declarations; undefined for remote or missing modules.
 */
export async function checkModuleCall(
  call: { dir: string; name: string; body: HclBody; file: ParsedFile },
  modules: ModuleResolver,
  report: Report,
): Promise<ModuleDeclarations | undefined> {
  const { dir, name, body, file } = call;
  const block = file.source.findBlock('module', [name]);
  const source = body.source;
  if (typeof source !== 'string' || !/^\.\.?\//.test(source)) {
    return undefined;
  }
  const moduleDir = await modules.resolveSource(dir, source);
  const declarations = moduleDir
    ? await modules.declarations(moduleDir)
    : undefined;
  if (!declarations) {
    report(
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
      report(
        file,
        block && file.source.findAttribute(input, block),
        'unknown-module-input',
        `module "${name}": "${input}" is not a variable of ${source}`,
      );
    }
  }
  for (const [variable, { required }] of declarations.variables) {
    if (required && !inputs.includes(variable)) {
      report(
        file,
        block?.start,
        'missing-module-input',
        `module "${name}": required variable "${variable}" of ${source} is not set`,
      );
    }
  }
  return declarations;
}
