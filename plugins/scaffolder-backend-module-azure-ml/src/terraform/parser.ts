import { parse } from '@cdktf/hcl2json';
import fs from 'fs-extra';
import path from 'node:path';
import { SourceIndex } from './sourceIndex';
import type { TerraformIssue } from './types';

/**
 * Loading HCL files: listing them, parsing them with `@cdktf/hcl2json` (no Terraform binary)
 * and keeping their text for line lookup, plus helpers to walk the parsed JSON.
 */

/** A parsed HCL body as hcl2json returns it: blocks are maps of label to a list of bodies. */
export type HclBody = Record<string, any>;

export interface ParsedFile {
  absolutePath: string;
  /** Path relative to the validated root (POSIX separators). */
  relativePath: string;
  json: HclBody;
  source: SourceIndex;
}

export interface LoadedFiles {
  /** Every HCL file found, relative to the root. */
  files: string[];
  /** The files that parse. */
  parsed: ParsedFile[];
  /** A `parse` finding for each file that does not. */
  issues: TerraformIssue[];
}

const HCL_EXTENSIONS = ['.tf', '.tfvars', '.hcl'];

/** Parses HCL text to JSON; rejects when it does not parse. */
export function parseHcl(fileName: string, text: string): Promise<HclBody> {
  return parse(fileName, text);
}

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

async function parseFile(
  absolutePath: string,
  relativePath: string,
): Promise<ParsedFile | TerraformIssue> {
  const text = await fs.readFile(absolutePath, 'utf8');
  try {
    const json = await parseHcl(path.basename(absolutePath), text);
    return { absolutePath, relativePath, json, source: new SourceIndex(text) };
  } catch (error) {
    const message = String((error as Error).message ?? error);
    // hcl2json reports "file.tf:LINE,COL-...: summary; detail".
    const position = message.match(/:(\d+),\d+(?:-\d+(?:,\d+)?)?:\s*([^;\]]+)/);
    return {
      file: relativePath,
      line: position ? Number(position[1]) : 1,
      rule: 'parse',
      message: `does not parse: ${position ? position[2].trim() : message}`,
    };
  }
}

/**
 * Parses every `.tf`, `.tfvars` and `.hcl` file under `root` (an absolute directory or file),
 * skipping dot-files and dot-folders.
 */
export async function loadHclFiles(root: string): Promise<LoadedFiles> {
  const relative = (file: string) =>
    (path.relative(root, file) || path.basename(file))
      .split(path.sep)
      .join('/');
  const absolutePaths = await listFiles(root);
  const results = await Promise.all(
    absolutePaths.map(file => parseFile(file, relative(file))),
  );
  return {
    files: absolutePaths.map(relative),
    parsed: results.filter((r): r is ParsedFile => 'json' in r),
    issues: results.filter((r): r is TerraformIssue => 'rule' in r),
  };
}

/** Entries of a `{ name: [body, ...] }` map as [name, body] pairs. */
export function blocks(map: HclBody | undefined): [string, HclBody][] {
  if (!map) return [];
  return Object.entries(map).flatMap(([name, bodies]) =>
    (Array.isArray(bodies) ? bodies : [bodies]).map(
      body => [name, body] as [string, HclBody],
    ),
  );
}

/** Entries of `resource`/`data`: [type, name, body]. */
export function typedBlocks(
  map: HclBody | undefined,
): [string, string, HclBody][] {
  if (!map) return [];
  return Object.entries(map).flatMap(([type, byName]) =>
    blocks(byName as HclBody).map(
      ([name, body]) => [type, name, body] as [string, string, HclBody],
    ),
  );
}
