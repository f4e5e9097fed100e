/**
 * The server as JavaScript, for production, where only plain `node` and the libraries in
 * package.json's "dependencies" are installed: <build>/server/main.js (the portal) and
 * <build>/server/db-migrate.js (npm run db:migrate) and <build>/server/staff.js (npm run staff), each one file with our code bundled and every
 * library left to node_modules. The JSON schemas the portal serves are copied into
 * <build>/schemas, where the server reads them, from the sources and from the bundle alike.
 */
import { builtinModules } from 'node:module';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** The engine's schemas the portal serves at /schemas/ (read from <build>/schemas/ at start). */
const SERVED_SCHEMAS = ['definition/definition.schema.json', 'contracts/portal.schema.json'] as const;

/** The package a bare import names: `@koa/router` of `@koa/router/x`, `knex` of `knex/lib/y`. */
function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

export async function buildServer(outDir: string): Promise<void> {
  const serverDir = join(outDir, 'server');
  const result = await build({
    entryPoints: [
      { in: join(root, 'server/main.ts'), out: 'main' },
      { in: join(root, 'scripts/db-migrate.ts'), out: 'db-migrate' },
      { in: join(root, 'scripts/staff.ts'), out: 'staff' },
    ],
    outdir: serverDir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    legalComments: 'none',
    metafile: true,
    tsconfig: join(root, 'tsconfig.json'),
    absWorkingDir: root,
    logLevel: 'silent',
  });
  // The bundle is ESM wherever the build folder is put, with or without our package.json above it.
  await writeFile(join(serverDir, 'package.json'), '{ "type": "module" }\n');

  const { dependencies = {} } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  const missing = new Set<string>();
  for (const output of Object.values(result.metafile.outputs))
    for (const { path, external, kind } of output.imports) {
      if (!external || path.startsWith('node:') || builtinModules.includes(path)) continue;
      // A library loaded with import() is optional: the server runs without it (pino-pretty, for a laptop's terminal).
      if (kind === 'dynamic-import') continue;
      if (!(packageOf(path) in dependencies)) missing.add(packageOf(path));
    }
  if (missing.size)
    throw new Error(
      `The server imports ${[...missing].join(', ')}, not in package.json's "dependencies": a production install (npm ci --omit=dev) would lack ${missing.size === 1 ? 'it' : 'them'}. Move ${missing.size === 1 ? 'it' : 'them'} from "devDependencies" to "dependencies".`,
    );

  for (const file of SERVED_SCHEMAS) {
    const target = join(outDir, 'schemas', file);
    await mkdir(dirname(target), { recursive: true });
    await copyFile(join(root, 'engine', file), target);
  }
}
