/**
 * A brotli (quality 11) and a gzip (level 9) copy beside each compressible file of <build>/public,
 * `x.js.br` and `x.js.gz`, which the server sends to browsers that accept them: compressed once,
 * at the strongest settings, rather than on every request at quick ones.
 */
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const COMPRESSIBLE = new Set(['.js', '.mjs', '.css', '.json', '.svg', '.html', '.map', '.txt', '.xml', '.webmanifest']);
/** Below this a compressed copy saves less than the headers that say so cost. */
const SMALLEST = 1024;

const encoders = {
  br: (data: Buffer) =>
    promisify(brotliCompress)(data, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      },
    }),
  gz: (data: Buffer) => promisify(gzip)(data, { level: constants.Z_BEST_COMPRESSION }),
};

/** Writes the compressed copies under publicDir, first removing any an earlier build left. */
export async function precompress(publicDir: string): Promise<void> {
  const files = (await readdir(publicDir, { recursive: true })).map((file) => join(publicDir, file));
  // A copy left from an earlier build would be served in place of the file it no longer matches.
  await Promise.all(files.filter((file) => /\.(br|gz)$/.test(file)).map((file) => rm(file)));
  const sources: string[] = [];
  for (const file of files)
    if (COMPRESSIBLE.has(extname(file)) && (await stat(file)).size >= SMALLEST) sources.push(file);
  await Promise.all(
    sources.map(async (file) => {
      const data = await readFile(file);
      for (const [extension, encode] of Object.entries(encoders)) {
        const encoded = await encode(data);
        if (encoded.length < data.length) await writeFile(`${file}.${extension}`, encoded);
      }
    }),
  );
}
