/**
 * The azurerm provider's configuration schema, as far as the structural validator checks it:
 * argument and nested-block names, required ones, value types and block nesting.
 */

/** A Terraform value type: `string`, `number`, `bool`, `list(string)`, `set(number)`, `map(string)`, `any`. */
export type SchemaValueType = string;

export interface SchemaAttribute {
  type: SchemaValueType;
  required?: true;
}

export interface SchemaNestedBlock {
  /** `single`: at most one block; `list`: any number. */
  nesting: 'single' | 'list';
  required?: true;
  block: SchemaBlock;
}

export interface SchemaBlock {
  attributes: Record<string, SchemaAttribute>;
  blocks: Record<string, SchemaNestedBlock>;
}

/** The committed extract (`azurerm.schema.json`). */
export interface ProviderSchemaExtract {
  /** Where the extract comes from: npm package and version, provider and version. */
  source: {
    package: string;
    packageVersion: string;
    provider: string;
    providerVersion: string;
  };
  resources: Record<string, SchemaBlock>;
  dataSources: Record<string, SchemaBlock>;
}
