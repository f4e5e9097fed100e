/**
 * forms/published.lock.json: the hash of every published form version, so a published version
 * can never change unnoticed. Retiring a version changes only its status, which the hash leaves
 * out.
 */
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { parseJsonWithPositions, type Position } from './source-positions.ts';

export type PublishedLock = Record<string, string>;

export function lockKey(id: string, version: number): string {
  return `${id}@v${version}`;
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The hash of what a published version promises: everything but its status and $schema, whatever the layout of the file. */
export function publishedHash(definition: Record<string, unknown>): string {
  const { status: _status, $schema: _schema, ...content } = definition;
  return `sha256-${createHash('sha256').update(canonical(content)).digest('base64')}`;
}

/** A lock file that is not JSON (a merge left a comma or a conflict marker in it), with where. */
export class LockSyntaxError extends Error {
  constructor(readonly errors: Array<Position & { message: string }>) {
    super(errors.map((e) => `${e.line}:${e.column} ${e.message}`).join('; '));
  }
}

export async function readLock(path: string): Promise<PublishedLock> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
  const parsed = parseJsonWithPositions(text);
  if (parsed.syntaxErrors.length) throw new LockSyntaxError(parsed.syntaxErrors);
  return parsed.value as PublishedLock;
}

export async function writeLock(path: string, lock: PublishedLock): Promise<void> {
  const sorted = Object.fromEntries(
    Object.keys(lock)
      .sort()
      .map((key) => [key, lock[key]]),
  );
  await writeFile(path, `${JSON.stringify(sorted, null, 2)}\n`);
}
