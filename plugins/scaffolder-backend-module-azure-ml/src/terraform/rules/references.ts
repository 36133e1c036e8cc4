import { ModuleDeclarations } from '../modules';
import { HclBody, ParsedFile } from '../parser';
import { Report } from './common';

/** What a Terraform module (one folder) declares and calls. */
export interface ModuleScope {
  variables: Set<string>;
  locals: Set<string>;
  /** Module calls by name; declarations are undefined for remote or missing modules. */
  modules: Map<string, ModuleDeclarations | undefined>;
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

/**
 * The body without `moved`, `import` and `removed` blocks: their `from`/`to` name resource and
 * module addresses (possibly in another module's namespace), not values to resolve.
 */
function withoutAddressBlocks(body: HclBody): HclBody {
  const { moved, import: imports, removed, ...rest } = body;
  return rest;
}

/** `prefix.name` or `prefix.name.attribute` references in an expression: [name, attribute?]. */
function references(text: string, prefix: string): string[][] {
  const pattern = new RegExp(
    `(?<![\\w.])${prefix}\\.([A-Za-z_][\\w-]*)(?:\\.([A-Za-z_][\\w-]*))?`,
    'g',
  );
  return [...text.matchAll(pattern)].map(match =>
    match.slice(1).filter(Boolean),
  );
}

/**
 * Checks the references of one file against its module: every `var.x` is declared
 * (`undeclared-variable`), every `local.x` is defined (`undeclared-local`), every `module.x`
 * is called (`unknown-module`) and every `module.x.y` is an output of that local module
 * (`unknown-module-output`). Each reference is reported once per file.
 */
export function checkReferences(
  file: ParsedFile,
  scope: ModuleScope,
  report: Report,
) {
  const seen = new Set<string>();
  const once = (key: string, fn: () => void) => {
    if (!seen.has(key)) {
      seen.add(key);
      fn();
    }
  };
  for (const expression of expressions(withoutAddressBlocks(file.json))) {
    for (const [name] of references(expression, 'var')) {
      if (!scope.variables.has(name)) {
        once(`var.${name}`, () =>
          report(
            file,
            file.source.findReference(`var.${name}`),
            'undeclared-variable',
            `var.${name} is used but no variable "${name}" is declared in this module`,
          ),
        );
      }
    }
    for (const [name] of references(expression, 'local')) {
      if (!scope.locals.has(name)) {
        once(`local.${name}`, () =>
          report(
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
      if (!scope.modules.has(name)) {
        once(reference, () =>
          report(
            file,
            file.source.findReference(reference),
            'unknown-module',
            `${reference} refers to module "${name}", which is not called in this module`,
          ),
        );
        continue;
      }
      const declarations = scope.modules.get(name);
      if (output && declarations && !declarations.outputs.has(output)) {
        once(reference, () =>
          report(
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
