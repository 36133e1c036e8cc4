import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';

/**
 * One rule per template parameter. Each returns `undefined` when the value is acceptable and
 * otherwise a sentence that says what is expected (shown to the user as is).
 */
export type Rule = (value: string) => string | undefined;

// eslint-disable-next-line no-control-regex -- control characters are what we reject
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

const pattern =
  (regex: RegExp, expected: string): Rule =>
  value =>
    regex.test(value) ? undefined : expected;

/** Azure ML-compatible project name; also the catalog entity name and repository name. */
export const projectName: Rule = pattern(
  /^[a-z][a-z0-9-]{1,30}[a-z0-9]$/,
  'must be 3-32 characters of lowercase letters, digits and hyphens, start with a letter and not end with a hyphen',
);

/** Azure ML asset names (models): letters, digits, `-`, `_`, `.`; starts alphanumeric. */
export const modelName: Rule = pattern(
  /^[A-Za-z0-9][A-Za-z0-9._-]{0,254}$/,
  'must be 1-255 characters of letters, digits, ".", "_" and "-", starting with a letter or digit',
);

/** Azure ML experiment names. */
export const experimentName: Rule = pattern(
  /^[A-Za-z0-9][A-Za-z0-9_-]{0,254}$/,
  'must be 1-255 characters of letters, digits, "_" and "-", starting with a letter or digit',
);

/**
 * Azure ML compute names, as the service words its rule: 3-24 characters of letters, digits
 * and `-`, starting with a letter, and a digit may not end the name right after a `-`
 * ("cpu-cluster-1" is refused; error text quoted in microsoftdocs/pipelines-azureml issue 19).
 */
export const computeName: Rule = value =>
  /^[A-Za-z][A-Za-z0-9-]{1,22}[A-Za-z0-9]$/.test(value) &&
  !/-[0-9]$/.test(value)
    ? undefined
    : 'must be 3-24 characters of letters, digits and hyphens, start with a letter, and end with a letter or digit that does not directly follow a hyphen (Azure rejects "cpu-cluster-1")';

/** Free text that lands in YAML and Markdown: any printable text, one line. */
export const description: Rule = value => {
  if (value.length > 500) return 'must be at most 500 characters';
  if (CONTROL_CHARACTERS.test(value))
    return 'must be a single line without control characters (no newlines or tabs)';
  return undefined;
};

/**
 * A catalog entity reference such as `group:default/ml-engineers` or `ml-engineers`, of one of
 * `kinds` (the first is the default kind): an owner is a Group or User, a system a System.
 */
export const entityRef =
  (...kinds: [string, ...string[]]): Rule =>
  value => {
    const [defaultKind] = kinds;
    const example = `"${defaultKind}:default/my-${defaultKind}"`;
    try {
      const ref = parseEntityRef(value, {
        defaultKind,
        defaultNamespace: 'default',
      });
      const part = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;
      if (![ref.kind, ref.namespace, ref.name].every(p => part.test(p))) {
        return `must be an entity reference like ${example}`;
      }
      if (!kinds.includes(ref.kind.toLocaleLowerCase('en-US'))) {
        return `must reference a ${kinds.join(' or ')} entity, not a ${
          ref.kind
        } (like ${example})`;
      }
      return undefined;
    } catch {
      return `must be an entity reference like ${example}`;
    }
  };

/** A valid reference (see {@link entityRef}) in full form: `ml-engineers` → `group:default/ml-engineers`. */
export function fullEntityRef(value: string, defaultKind: string): string {
  return stringifyEntityRef(
    parseEntityRef(value, { defaultKind, defaultNamespace: 'default' }),
  );
}

/** A folder below the local publish root: `name` or `team/name`, no `..`, no absolute path. */
export const localDestination: Rule = pattern(
  /^[a-z0-9][a-z0-9._-]{0,63}(\/[a-z0-9][a-z0-9._-]{0,63}){0,3}$/,
  'must be a relative folder of lowercase letters, digits, ".", "_" and "-" (up to 4 levels, no "..")',
);
