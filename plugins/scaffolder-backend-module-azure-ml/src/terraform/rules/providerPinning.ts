import { ParsedFile, typedBlocks } from '../parser';
import { Report } from './common';

/** `~> 4.50`, `~> 4.50.1`, `4.50.1`, `= 4.50.1`. */
const PINNED_CONSTRAINT = /^(~>\s*\d+\.\d+(\.\d+)?|=?\s*\d+\.\d+\.\d+)$/;

/**
 * Checks the providers of a module (`unpinned-provider`): every `required_providers` entry has
 * a pinned version constraint, and every provider its resources and data sources use is listed
 * there.
 */
export function checkProviderPinning(files: ParsedFile[], report: Report) {
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
      report(
        file,
        line,
        'unpinned-provider',
        `provider "${name}" has no version constraint; pin it with "~> X.Y" or an exact version`,
      );
    } else if (!constraints.every(c => PINNED_CONSTRAINT.test(c))) {
      report(
        file,
        line,
        'unpinned-provider',
        `provider "${name}" version "${version}" is not pinned; use "~> X.Y" or an exact version, not >=, > or <`,
      );
    }
  }

  const used = new Map<
    string,
    { file: ParsedFile; type: string; name: string; kind: string }
  >();
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
      report(
        file,
        file.source.findBlock(kind, [type, name])?.start,
        'unpinned-provider',
        `${type}.${name} uses provider "${provider}", which is missing from required_providers (unpinned)`,
      );
    }
  }
}
