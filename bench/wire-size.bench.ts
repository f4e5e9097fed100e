/**
 * Bytes on the wire for DoLS Form 1 in the portal: the page, its scripts (every module the
 * portal's script imports, at once or later, and the form's validators with theirs), its styles
 * and the form's JSON, each fetched from the running app as a browser accepting nothing, gzip, or
 * brotli would fetch it, counting the bodies as sent.
 */
import { createLogger } from '../server/services/log.ts';
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAll } from '../scripts/lib/build-all.ts';
import { createApp, readConfig } from '../server/index.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const ENCODINGS = ['identity', 'gzip', 'br'] as const;
type Encoding = (typeof ENCODINGS)[number];
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

/** The body as sent, not decoded, with the encoding the server chose. */
function fetchRaw(url: string, encoding: Encoding): Promise<{ body: Buffer; encoding: string }> {
  return new Promise((resolve, reject) => {
    request(url, { headers: { 'accept-encoding': encoding } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ body: Buffer.concat(chunks), encoding: response.headers['content-encoding'] ?? 'identity' }),
      );
    })
      .on('error', reject)
      .end();
  });
}

/** A module and every module it imports, statically or later, by their addresses. */
async function withImports(baseUrl: string, path: string, seen: Set<string>): Promise<string[]> {
  if (seen.has(path)) return [];
  seen.add(path);
  const source = (await fetchRaw(`${baseUrl}${path}`, 'identity')).body.toString();
  const imports = [...source.matchAll(/(?:from|import)\s*\(?\s*"(\.{1,2}\/[^"]+)"/g)].map(
    (m) => new URL(m[1]!, `${baseUrl}${path}`).pathname,
  );
  return [path, ...(await Promise.all(imports.map((i) => withImports(baseUrl, i, seen)))).flat()];
}

export async function benchWireSize(): Promise<Record<Encoding, number>> {
  const work = await mkdtemp(join(tmpdir(), 'asc-forms-wire-'));
  const buildDir = join(work, 'build');
  await buildAll(join(root, 'forms'), buildDir);
  const app = await createApp(
    readConfig({ BUILD_DIR: buildDir, DATA_DIR: join(work, 'data'), PORT: '0', CAPTCHA: 'off' }),
    { log: createLogger({ level: 'silent' }) },
  );
  const server = app.koa.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const page = '/forms/dols-form-1';
    const html = (await fetchRaw(`${baseUrl}${page}`, 'identity')).body.toString();
    const form = JSON.parse((await fetchRaw(`${baseUrl}/api/forms/dols-form-1`, 'identity')).body.toString());
    const seen = new Set<string>();
    const scripts = [
      ...(await withImports(baseUrl, /<script type="module" src="([^"]+)"/.exec(html)![1]!, seen)),
      ...(await withImports(baseUrl, form.validators as string, seen)),
    ];
    const styles = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]!);
    const groups = [
      { name: 'the page', paths: [page] },
      { name: `scripts (${scripts.length} files)`, paths: scripts },
      { name: `styles (${styles.length} file${styles.length === 1 ? '' : 's'})`, paths: styles },
      { name: "the form's JSON", paths: ['/api/forms/dols-form-1'] },
    ];
    const totals: Record<Encoding, number> = { identity: 0, gzip: 0, br: 0 };
    console.log('Bytes on the wire for DoLS Form 1 in the portal (bodies as sent by a running app):');
    console.log(`  ${''.padEnd(22)}${ENCODINGS.map((e) => e.padStart(12)).join('')}`);
    for (const group of groups) {
      const sizes: Record<Encoding, number> = { identity: 0, gzip: 0, br: 0 };
      for (const path of group.paths)
        for (const encoding of ENCODINGS)
          sizes[encoding] += (await fetchRaw(`${baseUrl}${path}`, encoding)).body.length;
      for (const encoding of ENCODINGS) totals[encoding] += sizes[encoding];
      console.log(`  ${group.name.padEnd(22)}${ENCODINGS.map((e) => kib(sizes[e]).padStart(12)).join('')}`);
    }
    console.log(`  ${'total'.padEnd(22)}${ENCODINGS.map((e) => kib(totals[e]).padStart(12)).join('')}`);
    const saved = (encoding: Encoding) =>
      `${kib(totals.identity - totals[encoding])} (${Math.round((1 - totals[encoding] / totals.identity) * 100)}%)`;
    console.log(`  saved: ${saved('gzip')} with gzip, ${saved('br')} with brotli`);
    return totals;
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await app.close();
    await rm(work, { recursive: true, force: true });
  }
}
