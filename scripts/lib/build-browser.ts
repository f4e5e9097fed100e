/**
 * The browser's files: the components (Lit, the engine's runtime) for each kind of page (the
 * portal, the embedded form, the staff's pages), and every form version's precompiled validators,
 * split so what they share (the formats, ajv's helpers) is loaded once. Every file is named by
 * its content's hash; manifest.json says which is which, index.html loads the portal, and
 * /embed/asc-form.js loads <asc-form> for a council's own page at an address that stays the same
 * from one build to the next.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, transform, type BuildOptions, type Metafile, type Plugin } from 'esbuild';
import { PAGE_STYLE, standaloneValidatorsSource, type FormDefinition, type PortalContent } from '../../engine/index.ts';
import type { BuildManifest } from '../../server/services/form-catalogue.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const formatsModule = join(root, 'engine/values/formats.ts');

export type BrowserManifest = BuildManifest;

interface Entry {
  in: string;
  out: string;
}

/**
 * Minifies the CSS inside the components' css`…` literals with esbuild's own CSS minifier:
 * esbuild leaves template literals as written, and the style sheets are a third of the code.
 */
const minifyCssLiterals: Plugin = {
  name: 'minify-css-literals',
  setup(esbuild) {
    esbuild.onLoad({ filter: /[\\/]renderer[\\/].*styles\.ts$/ }, async ({ path }) => {
      const source = await readFile(path, 'utf8');
      let contents = source;
      for (const match of source.matchAll(/css`([^`$]*)`/g)) {
        const { code } = await transform(match[1]!, { loader: 'css', minify: true, logLevel: 'silent' });
        contents = contents.replace(match[0], `css\`${code.trim().replace(/\\/g, '\\\\')}\``);
      }
      return { contents, loader: 'ts' };
    });
  },
};

/**
 * The code a page loads at once in one file, not in as many as esbuild's splitting would make.
 * esbuild puts each module in the chunk of the entry points that reach it, and a part loaded
 * later (the account screens, the form's own sign-in) is one: each module the page shares with
 * one such part made a chunk of its own, each a request with its headers before the first
 * screen. Here each part loaded later imports its page's entry as well (already run when the part
 * loads, so nothing runs twice): every module the page loads at once is then reached by the same
 * entry points, and lands in one chunk.
 */
function pageInOneChunk(entry: string, later: Set<string>): Plugin {
  return {
    name: 'page-in-one-chunk',
    setup(esbuild) {
      esbuild.onLoad({ filter: /\.ts$/ }, async ({ path }) => {
        if (!later.has(path)) return undefined;
        const source = await readFile(path, 'utf8');
        return { contents: `${source}\nimport ${JSON.stringify(entry)};\n`, loader: 'ts' };
      });
    },
  };
}

/** The modules an entry's code imports with import(), as absolute paths (read from a build that writes nothing). */
async function loadedLater(options: BuildOptions): Promise<Set<string>> {
  const { metafile } = await build({ ...options, write: false, minify: false });
  const later = new Set<string>();
  for (const input of Object.values(metafile!.inputs))
    for (const imported of input.imports)
      if (imported.kind === 'dynamic-import' && !imported.external) later.add(resolve(root, imported.path));
  return later;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

/** Where a council's page loads <asc-form> from, whatever the build: README, "Embedding a form". */
const EMBED_SCRIPT = '/embed/asc-form.js';

/**
 * The embed script's stable address: a module that exports what this build's hashed one does.
 * When that one is only the names of its chunks (pageInOneChunk), it is written here itself, its
 * imports pointed at them, one request fewer; else it is re-exported. It names the chunks those
 * import too, so the browser fetches them with it rather than after reading it (a redirect would
 * cost the same request and keep that wait). Its imports are relative, so they resolve to the
 * server the page loaded it from.
 */
async function writeEmbedScript(
  publicDir: string,
  embed: string,
  chunks: string[],
  /** Whether the hashed one holds no code of its own, only static imports of its chunks (its metafile says). */
  onlyNames: boolean,
): Promise<void> {
  const relativeUrl = (url: string) => JSON.stringify(`..${url}`);
  const hashed = await readFile(join(publicDir, embed), 'utf8');
  const own = onlyNames
    ? `${hashed.trim().replaceAll('"./', `"..${embed.slice(0, embed.lastIndexOf('/') + 1)}`)}\n`
    : `export * from ${relativeUrl(embed)};\n`;
  const source = `${chunks
    .filter((url) => !own.includes(relativeUrl(url)))
    .map((url) => `import ${relativeUrl(url)};\n`)
    .join('')}${own}`;
  await mkdir(join(publicDir, 'embed'), { recursive: true });
  await writeFile(join(publicDir, EMBED_SCRIPT), source);
}

export async function buildBrowser(
  definitions: FormDefinition[],
  portal: PortalContent,
  outDir: string,
): Promise<BrowserManifest> {
  const publicDir = join(outDir, 'public');
  const assetsDir = join(publicDir, 'assets');
  const workDir = join(outDir, '.work');
  await rm(assetsDir, { recursive: true, force: true });
  await mkdir(workDir, { recursive: true });
  const validatorEntries: Entry[] = [];
  for (const definition of definitions) {
    const source = join(workDir, `${definition.id}-v${definition.version}.mjs`);
    await writeFile(source, standaloneValidatorsSource(definition, formatsModule));
    validatorEntries.push({ in: source, out: `forms/${definition.id}-v${definition.version}` });
  }
  // One esbuild run for each kind of page, so each page's chunks hold only what that page uses
  // (the portal none of the staff's code, the embed none of the portal's), and one for the
  // validators, which every kind of page loads by address and which share their formats.
  const pages: Entry[] = [
    { in: join(root, 'renderer/portal-page.ts'), out: 'asc-forms' },
    { in: join(root, 'renderer/embed.ts'), out: 'asc-form' },
    { in: join(root, 'renderer/staff.ts'), out: 'asc-staff' },
  ];
  const groups = [...pages.map((page) => ({ entries: [page], page })), { entries: validatorEntries, page: undefined }];
  const entryPoints = groups.flatMap((group) => group.entries);
  const results = await Promise.all(
    groups.map(async ({ entries: group, page }) => {
      const options = {
        entryPoints: group,
        outdir: assetsDir,
        entryNames: '[dir]/[name]-[hash]',
        chunkNames: 'chunks/[name]-[hash]',
        bundle: true,
        splitting: true,
        format: 'esm',
        platform: 'browser',
        target: 'es2022',
        minify: true,
        legalComments: 'none',
        metafile: true,
        nodePaths: [join(root, 'node_modules')],
        tsconfig: join(root, 'tsconfig.json'),
        absWorkingDir: root,
        plugins: [minifyCssLiterals],
        logLevel: 'silent',
      } satisfies BuildOptions;
      // A page's entry: what it loads at once in one chunk (pageInOneChunk).
      if (!page) return group.length ? build(options) : undefined;
      const later = await loadedLater(options);
      return build({ ...options, plugins: [...options.plugins, pageInOneChunk(page.in, later)] });
    }),
  );
  await rm(workDir, { recursive: true, force: true });
  const metafile: Metafile = {
    inputs: Object.assign({}, ...results.map((r) => r?.metafile.inputs)),
    outputs: Object.assign({}, ...results.map((r) => r?.metafile.outputs)),
  };
  // What each file holds, for `npx esbuild --analyze`-style reading (esbuild.github.io/analyze).
  await writeFile(join(outDir, 'metafile.json'), JSON.stringify(metafile));

  const urlOf = (out: string) => {
    const entry = entryPoints.find((e) => e.out === out)!;
    const [file] = Object.entries(metafile.outputs).find(
      ([, meta]) => meta.entryPoint && resolve(root, meta.entryPoint) === entry.in,
    )!;
    return `/${relative(publicDir, resolve(root, file)).split(sep).join('/')}`;
  };
  // The chunks a script imports, and the chunks they import in turn: fetched alongside it rather
  // than each after the one that names it is read.
  const publicUrl = (file: string) => `/${relative(publicDir, resolve(root, file)).split(sep).join('/')}`;
  const outputs = new Map(Object.entries(metafile.outputs).map(([file, meta]) => [publicUrl(file), meta]));
  const preloadsOf = (script: string, found = new Set<string>()): string[] => {
    for (const i of outputs.get(script)!.imports) {
      const url = publicUrl(i.path);
      if (i.kind !== 'import-statement' || found.has(url)) continue;
      found.add(url);
      preloadsOf(url, found);
    }
    return [...found];
  };
  /**
   * The chunks an entry is only the names of, when all its code went there (pageInOneChunk):
   * it holds no module of its own and imports each of them at once. Undefined otherwise.
   */
  const onlyNamesOf = (entry: string): string[] | undefined => {
    const meta = outputs.get(entry)!;
    if (Object.keys(meta.inputs).length || meta.imports.some((i) => i.kind !== 'import-statement')) return undefined;
    return meta.imports.map((i) => publicUrl(i.path));
  };
  /** What a page's script tag names: its entry, or the one chunk it is only the name of, one request fewer. */
  const pageScript = (entry: string) => {
    const names = onlyNamesOf(entry);
    return names?.length === 1 && !outputs.get(entry)!.exports.length ? names[0]! : entry;
  };
  const app = pageScript(urlOf('asc-forms'));
  // The portal's own pages, which the page at their addresses preloads (see PORTAL_SCREENS).
  const [screensFile] = Object.entries(metafile.outputs).find(
    ([, meta]) => meta.entryPoint && resolve(root, meta.entryPoint) === join(root, 'renderer/portal/portal-screens.ts'),
  )!;
  const screens = publicUrl(screensFile);
  const embed = urlOf('asc-form');
  const staff = pageScript(urlOf('asc-staff'));
  const embedOnlyNames = onlyNamesOf(embed) !== undefined;
  await writeEmbedScript(publicDir, embed, preloadsOf(embed), embedOnlyNames);
  const manifest: BrowserManifest = {
    app: { js: app, screens },
    embed,
    staff,
    validators: Object.fromEntries(
      definitions.map((d) => [`${d.id}@${d.version}`, urlOf(`forms/${d.id}-v${d.version}`)]),
    ),
  };
  const title = escapeHtml(portal.council.serviceName);
  const noscript = `<noscript><p>${title} needs JavaScript to run its forms. Turn on JavaScript, or call ${escapeHtml(portal.council.name)} on ${escapeHtml(portal.council.phone.display)}.</p></noscript>`;
  const page = (pageTitle: string, script: string, body: string) => `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${pageTitle}</title>
<style>${PAGE_STYLE}</style>
<script type="module" src="${script}"></script>
${preloadsOf(script)
  .map((url) => `<link rel="modulepreload" href="${url}">`)
  .join('\n')}
</head>
<body>
${body}
${noscript}
</body>
</html>
`;
  await writeFile(join(publicDir, 'index.html'), page(title, app, '<asc-portal></asc-portal>'));
  // The staff's pages are never indexed, and say whose they are.
  await writeFile(
    join(publicDir, 'staff.html'),
    page(
      `Staff: ${title}`,
      staff,
      `<asc-staff service-name="${title}" time-zone="${escapeHtml(portal.council.timeZone ?? 'Europe/London')}"></asc-staff>`,
    ).replace('<meta name="viewport"', '<meta name="robots" content="noindex">\n<meta name="viewport"'),
  );
  await writeFile(join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}
