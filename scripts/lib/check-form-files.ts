/**
 * The checker behind `npm run validate-forms`: every definition file against the schema and the
 * engine's checks, its name against its id and version, and each published version against the
 * hash in published.lock.json. Each problem points at a line and column of the author's file.
 */
import { readFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { definitionProblems, portalProblems, type FormDefinition, type FormVersionStatus } from '../../engine/index.ts';
import { parseJsonWithPositions } from './source-positions.ts';
import { findDefinitionFiles } from '../../server/services/definition-files.ts';
import { LockSyntaxError, lockKey, publishedHash, readLock, writeLock, type PublishedLock } from './published-lock.ts';

export { findDefinitionFiles };

export interface FileProblem {
  file: string;
  line: number;
  column: number;
  pointer: string;
  code: string;
  message: string;
}

export interface CheckOptions {
  /** The folder holding <form-id>/v<N>.json files. */
  formsDir: string;
  /** published.lock.json. */
  lockPath: string;
  /** File names in problems are relative to this. */
  cwd?: string;
}

interface Loaded {
  file: string;
  definition?: Record<string, unknown>;
  problems: FileProblem[];
}

type Parsed = ReturnType<typeof parseJsonWithPositions>;

/** Reads and parses a JSON file; a file that cannot be read or parsed comes back with its problems. */
async function readJson(
  path: string,
  options: CheckOptions,
): Promise<{ file: string; parsed?: Parsed; problems: FileProblem[] }> {
  const file = relative(options.cwd ?? process.cwd(), path) || path;
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    return {
      file,
      problems: [
        { file, line: 1, column: 1, pointer: '', code: 'unreadable', message: `Cannot read the file: ${reason}.` },
      ],
    };
  }
  const parsed = parseJsonWithPositions(text);
  const problems = parsed.syntaxErrors.map((e) => ({
    file,
    line: e.line,
    column: e.column,
    pointer: '',
    code: 'json-syntax',
    message: e.message,
  }));
  return problems.length ? { file, problems } : { file, parsed, problems };
}

/**
 * What the portal's links and triage rules are checked against: each file's form (its folder),
 * version (its name) and status, and the sound definitions among them that are published.
 */
async function formVersions(files: string[]): Promise<{ versions: FormVersionStatus[]; published: FormDefinition[] }> {
  const read = await Promise.all(
    files.map(async (file) => ({
      file,
      definition: parseJsonWithPositions(await readFile(file, 'utf8')).value as FormDefinition | undefined,
    })),
  );
  const versions = read.map(({ file, definition }) => ({
    id: basename(dirname(file)),
    version: Number(/^v(\d+)\.json$/.exec(basename(file))?.[1] ?? 0),
    status: String(definition?.status ?? 'unreadable'),
  }));
  const published = read
    .map(({ definition }) => definition)
    .filter(
      (definition): definition is FormDefinition =>
        definition?.status === 'published' && definitionProblems(definition).length === 0,
    );
  return { versions, published };
}

async function checkPortal(path: string, options: CheckOptions): Promise<FileProblem[]> {
  const { file, parsed, problems } = await readJson(path, options);
  if (!parsed) return problems;
  const files = await findDefinitionFiles(options.formsDir);
  const formIds = files.map((definition) => basename(dirname(definition)));
  const { versions, published } = await formVersions(files);
  return portalProblems(parsed.value, [...new Set(formIds)], published, versions).map((p) => ({
    file,
    ...parsed.positionOf(p.pointer),
    ...p,
  }));
}

async function checkOne(path: string, options: CheckOptions, lock: Record<string, string>): Promise<Loaded> {
  const { file, parsed, problems } = await readJson(path, options);
  if (!parsed) return { file, problems };
  const add = (pointer: string, code: string, message: string) =>
    problems.push({ file, ...parsed.positionOf(pointer), pointer, code, message });
  for (const problem of definitionProblems(parsed.value)) add(problem.pointer, problem.code, problem.message);
  if (problems.length || !parsed.value || typeof parsed.value !== 'object') return { file, problems };

  const definition = parsed.value as Record<string, unknown>;
  const id = String(definition.id);
  const version = Number(definition.version);
  if (resolve(dirname(dirname(path))) === resolve(options.formsDir)) {
    const folder = basename(dirname(path));
    if (folder !== id)
      add(
        '/id',
        'id-mismatch',
        `The id is "${id}" but the file is in the folder "${folder}". Make them the same: the folder names the form.`,
      );
    if (basename(path) !== `v${version}.json`)
      add(
        '/version',
        'version-mismatch',
        `The version is ${version} but the file is ${basename(path)}. Make them the same: version N lives in vN.json.`,
      );
  }
  // A copy whose version was not changed is not the published version it names: say only that.
  if (problems.length) return { file, problems };
  const recorded = lock[lockKey(id, version)];
  if (recorded && recorded !== publishedHash(definition)) {
    add(
      '',
      'published-changed',
      `Version ${version} of "${id}" is published and has changed since (published.lock.json holds its hash). A published version never changes: put this file back as it was, and make the change in v${version + 1}.json with "status": "draft".`,
    );
  } else if (recorded && definition.status === 'draft') {
    add(
      '/status',
      'published-to-draft',
      `Version ${version} of "${id}" was published, so it cannot go back to draft. Use "published" or "retired", and make changes in v${version + 1}.json.`,
    );
  } else if (!recorded && definition.status !== 'draft') {
    add(
      '/status',
      'not-in-lock',
      `Version ${version} of "${id}" is ${definition.status} but not recorded in published.lock.json. If you are still writing it, set "status": "draft". If it is ready, run \`npm run validate-forms -- --lock\` to record it, and commit both files: from then on it never changes.`,
    );
  }
  return { file, definition, problems };
}

/**
 * The problems of the given files, or of every definition and the lock file itself when `files`
 * is empty. An empty result means every file is sound.
 */
export async function checkFormFiles(files: string[], options: CheckOptions): Promise<FileProblem[]> {
  let lock: PublishedLock;
  try {
    lock = await readLock(options.lockPath);
  } catch (error) {
    if (!(error instanceof LockSyntaxError)) throw error;
    const file = relative(options.cwd ?? process.cwd(), options.lockPath) || options.lockPath;
    return error.errors.map(({ line, column, message }) => ({
      file,
      line,
      column,
      pointer: '',
      code: 'lock-syntax',
      message: `${message}. published.lock.json holds one "<form-id>@v<N>": "<hash>" pair for each published version: mend it here, or put it back with \`git checkout -- forms/published.lock.json\` and run \`npm run validate-forms -- --lock\`.`,
    }));
  }
  const checkAll = files.length === 0;
  const portalPath = join(options.formsDir, 'portal.json');
  const paths = checkAll
    ? await findDefinitionFiles(options.formsDir)
    : files.map((file) => resolve(file)).filter((path) => path !== resolve(portalPath));
  const loaded = await Promise.all(paths.map((path) => checkOne(path, options, lock)));
  const problems = loaded.flatMap((l) => l.problems);
  if (checkAll || files.some((file) => resolve(file) === resolve(portalPath)))
    problems.push(...(await checkPortal(portalPath, options)));
  if (checkAll) {
    const present = new Set(
      loaded.filter((l) => l.definition).map((l) => lockKey(String(l.definition!.id), Number(l.definition!.version))),
    );
    const lockFile = relative(options.cwd ?? process.cwd(), options.lockPath) || options.lockPath;
    for (const key of Object.keys(lock)) {
      if (present.has(key) || loaded.some((l) => !l.definition && l.file.includes(key.split('@')[0]!))) continue;
      const [id, v] = key.split('@');
      problems.push({
        file: lockFile,
        line: 1,
        column: 1,
        pointer: `/${key}`,
        code: 'published-missing',
        message: `${id} ${v} is published but forms/${id}/${v}.json is missing. Published versions stay, since drafts and submissions refer to them: restore the file.`,
      });
    }
  }
  return problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}

/**
 * Records the hash of each published or retired version not yet in the lock; returns the keys
 * added, and those left out because their files have problems (a version is frozen only once
 * nothing in it is wrong). Never changes an entry.
 */
export async function recordPublished(options: CheckOptions): Promise<{ added: string[]; heldBack: string[] }> {
  const lock = await readLock(options.lockPath);
  const added: string[] = [];
  const heldBack: string[] = [];
  const problems = await checkFormFiles([], options);
  for (const path of await findDefinitionFiles(options.formsDir)) {
    const parsed = parseJsonWithPositions(await readFile(path, 'utf8'));
    const definition = parsed.value as Record<string, unknown> | undefined;
    if (!definition || definition.status === 'draft') continue;
    const key = lockKey(String(definition.id), Number(definition.version));
    if (lock[key]) continue;
    // Its own problems (portal.json's rules about it stay editable, so they hold nothing back).
    const where = (problem: FileProblem) => resolve(options.cwd ?? process.cwd(), problem.file);
    const mine = problems.filter((problem) => problem.code !== 'not-in-lock' && where(problem) === resolve(path));
    if (mine.length || definitionProblems(definition).length) {
      heldBack.push(key);
      continue;
    }
    lock[key] = publishedHash(definition);
    added.push(key);
  }
  if (added.length) await writeLock(options.lockPath, lock);
  return { added, heldBack };
}
