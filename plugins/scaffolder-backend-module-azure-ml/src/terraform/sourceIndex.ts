/**
 * Line lookup in HCL source text. hcl2json returns JSON without positions, so findings are
 * located by scanning the original text for the offending block or attribute.
 */

/** A block's line span, 0-based and inclusive. */
export interface LineRange {
  start: number;
  end: number;
}

const escapeRegExp = (text: string) =>
  text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Counts `{` minus `}` on a line, ignoring braces inside string literals and comments. */
function braceDelta(line: string): number {
  let delta = 0;
  let inString = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
      continue;
    }
    if (char === '"') inString = true;
    else if (char === '#' || (char === '/' && line[i + 1] === '/')) break;
    else if (char === '{') delta++;
    else if (char === '}') delta--;
  }
  return delta;
}

export class SourceIndex {
  private readonly lines: string[];

  constructor(text: string) {
    this.lines = text.split(/\r?\n/);
  }

  get whole(): LineRange {
    return { start: 0, end: this.lines.length - 1 };
  }

  /**
   * Finds a block such as `resource "azurerm_storage_account" "this" {` (labels in order),
   * optionally inside another block, and returns its span.
   */
  findBlock(
    type: string,
    labels: string[] = [],
    within: LineRange = this.whole,
  ): LineRange | undefined {
    const labelPattern = labels
      .map(label => `\\s+"?${escapeRegExp(label)}"?`)
      .join('');
    const header = new RegExp(
      `^\\s*${escapeRegExp(type)}${labelPattern}\\s*(=\\s*)?\\{`,
    );
    for (let i = within.start; i <= within.end; i++) {
      if (header.test(this.lines[i])) {
        return { start: i, end: this.blockEnd(i, within.end) };
      }
    }
    return undefined;
  }

  /** Finds the first `name =` attribute line inside a span. */
  findAttribute(name: string, within: LineRange = this.whole) {
    return this.findLine(
      new RegExp(`^\\s*"?${escapeRegExp(name)}"?\\s*=`),
      within,
    );
  }

  /** Finds the first line matching a pattern inside a span. */
  findLine(
    pattern: RegExp,
    within: LineRange = this.whole,
  ): number | undefined {
    for (let i = within.start; i <= within.end; i++) {
      if (pattern.test(this.lines[i])) return i;
    }
    return undefined;
  }

  /** Finds the first reference such as `var.name` (not a longer name, not `x.var.name`). */
  findReference(reference: string, within: LineRange = this.whole) {
    return this.findLine(
      new RegExp(`(^|[^\\w.])${escapeRegExp(reference)}(?![\\w-])`),
      within,
    );
  }

  private blockEnd(start: number, limit: number): number {
    let depth = 0;
    for (let i = start; i <= limit; i++) {
      depth += braceDelta(this.lines[i]);
      if (depth <= 0) return i;
    }
    return limit;
  }
}
