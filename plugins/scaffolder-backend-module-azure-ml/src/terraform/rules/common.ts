import { HclBody, ParsedFile, typedBlocks } from '../parser';
import { LineRange } from '../sourceIndex';
import type { TerraformRule } from '../types';

/** Records a finding; `line` is 0-based (undefined: the file's first line). */
export type Report = (
  file: ParsedFile,
  line: number | undefined,
  rule: TerraformRule,
  message: string,
) => void;

/** A `resource` block of a file, located in its source. */
export interface ResourceBlock {
  file: ParsedFile;
  type: string;
  name: string;
  body: HclBody;
  /** `<type>.<name>`, how findings name the resource. */
  where: string;
  block: LineRange | undefined;
}

export function resourceBlocks(file: ParsedFile): ResourceBlock[] {
  return typedBlocks(file.json.resource).map(([type, name, body]) => ({
    file,
    type,
    name,
    body,
    where: `${type}.${name}`,
    block: file.source.findBlock('resource', [type, name]),
  }));
}
