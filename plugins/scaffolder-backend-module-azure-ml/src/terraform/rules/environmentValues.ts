import { ModuleDeclarations } from '../modules';
import { ParsedFile } from '../parser';
import { Report } from './common';

/**
 * The values of an environment (`terraform.tfvars`) against the root module they are for:
 * every key must be a variable of that root, as `terraform plan -var-file` requires.
 */
export function checkEnvironmentValues(
  file: ParsedFile,
  root: { label: string; declarations: ModuleDeclarations | undefined },
  report: Report,
) {
  if (!root.declarations) {
    report(
      file,
      undefined,
      'module-source',
      `the root module ${root.label} that these values are for does not exist`,
    );
    return;
  }
  for (const key of Object.keys(file.json)) {
    if (!root.declarations.variables.has(key)) {
      report(
        file,
        file.source.findAttribute(key),
        'undeclared-variable',
        `"${key}" is set, but the root module ${root.label} declares no variable "${key}"`,
      );
    }
  }
}
