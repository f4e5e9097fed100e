/**
 * The compressed copies the build writes beside the portal's files: a brotli and a gzip copy of
 * each text file big enough to gain, byte for byte the file once decoded; none of a small file or
 * an image; and none left from an earlier build, which the server would send in place of the file.
 */
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync } from 'node:zlib';
import { precompress } from '../../scripts/lib/precompress.ts';
import { closeAtEnd } from '../support/shared.ts';

const copies = suite('The compressed copies of the built files');

async function publicDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'asc-forms-public-'));
  closeAtEnd(() => rm(dir, { recursive: true, force: true }));
  await mkdir(join(dir, 'assets'));
  return dir;
}

copies('should write a brotli and a gzip copy beside each text file over 1 KB, each decoding to it', async () => {
  const dir = await publicDir();
  const script = Buffer.from('export const greeting = "Hello from Sefton";\n'.repeat(200));
  await writeFile(join(dir, 'assets', 'app-ABC.js'), script);
  await writeFile(join(dir, 'custom-elements.json'), JSON.stringify({ modules: Array(100).fill({ kind: 'js' }) }));
  await precompress(dir);
  const br = await readFile(join(dir, 'assets', 'app-ABC.js.br'));
  const gz = await readFile(join(dir, 'assets', 'app-ABC.js.gz'));
  assert.ok(brotliDecompressSync(br).equals(script));
  assert.ok(gunzipSync(gz).equals(script));
  assert.ok(br.length < script.length / 10);
  assert.ok(existsSync(join(dir, 'custom-elements.json.br')));
  assert.ok(existsSync(join(dir, 'custom-elements.json.gz')));
});

copies('should leave small files and images without copies', async () => {
  const dir = await publicDir();
  await writeFile(join(dir, 'assets', 'portal-1.css'), 'body{margin:0}');
  await writeFile(join(dir, 'assets', 'logo.png'), Buffer.alloc(4096, 7));
  await precompress(dir);
  for (const file of ['portal-1.css.br', 'portal-1.css.gz', 'logo.png.br', 'logo.png.gz'])
    assert.not.ok(existsSync(join(dir, 'assets', file)), file);
});

copies('should remove the copies an earlier build left, of a file now too small or gone', async () => {
  const dir = await publicDir();
  await writeFile(join(dir, 'index.html'), '<!doctype html><title>Small now</title>');
  await writeFile(join(dir, 'index.html.br'), brotliCompressSync('<!doctype html><title>Old page</title>'));
  await writeFile(join(dir, 'assets', 'gone-XYZ.js.gz'), 'left over');
  await precompress(dir);
  assert.not.ok(existsSync(join(dir, 'index.html.br')));
  assert.not.ok(existsSync(join(dir, 'assets', 'gone-XYZ.js.gz')));
});

copies.run();
