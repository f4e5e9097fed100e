/** Where form definitions live: forms/<form-id>/v<N>.json. The server, the build and the checker all find them here. */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** Every forms/<id>/v<N>.json, in a stable order. */
export async function findDefinitionFiles(formsDir: string): Promise<string[]> {
  const entries = await readdir(formsDir, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries.filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    const names = (await readdir(join(formsDir, entry.name))).filter((name) => /^v\d+\.json$/.test(name));
    names.sort((a, b) => Number(a.slice(1, -5)) - Number(b.slice(1, -5)));
    files.push(...names.map((name) => join(formsDir, entry.name, name)));
  }
  return files;
}
