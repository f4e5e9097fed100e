/**
 * What goes over the wire compressed: the built scripts as the brotli or gzip copy the build made,
 * whichever the browser accepts, byte for byte the same file once decoded; the API's larger
 * answers compressed as they are sent, the small ones not; and every answer saying it varies with
 * Accept-Encoding, so a cache in between keeps them apart.
 */
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { request, type IncomingHttpHeaders } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { builtApp } from '../support/built-app.ts';
import { startTestApp } from '../support/test-app.ts';
import { startSmtpServer } from '../support/smtp.ts';
import { closeAtEnd } from '../support/shared.ts';
import { registerOverApi } from '../support/http-client.ts';
import { newestVersion } from '../fixtures/forms.ts';

interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** The bytes as sent, not decoded (fetch would decode them, and hide what was on the wire). */
function raw(url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const sent = request(url, { method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }),
      );
    });
    sent.on('error', reject);
    sent.end();
  });
}

const decode = (response: RawResponse): Buffer =>
  response.headers['content-encoding'] === 'br'
    ? brotliDecompressSync(response.body)
    : response.headers['content-encoding'] === 'gzip'
      ? gunzipSync(response.body)
      : response.body;

const varies = (response: RawResponse) =>
  String(response.headers.vary ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .includes('accept-encoding');

async function portalScript(): Promise<string> {
  const { baseUrl } = await builtApp();
  const page = (await raw(`${baseUrl}/`)).body.toString();
  return `${baseUrl}${/<script type="module" src="([^"]+)"/.exec(page)![1]!}`;
}

const files = suite('The built files, compressed at build time');

for (const [accepted, encoding] of [
  ['br', 'br'],
  ['gzip, deflate, br', 'br'],
  ['gzip', 'gzip'],
  ['br;q=0, gzip', 'gzip'],
] as const) {
  files(`should send the portal's script as ${encoding} to a browser that accepts "${accepted}"`, async () => {
    const url = await portalScript();
    const identity = await raw(url);
    const encoded = await raw(url, { 'accept-encoding': accepted });
    assert.is(encoded.status, 200);
    assert.is(encoded.headers['content-encoding'], encoding);
    assert.ok(encoded.body.length < identity.body.length / 2, 'less than half the bytes');
    assert.ok(decode(encoded).equals(identity.body), 'the same script once decoded');
    assert.is(encoded.headers['content-type'], identity.headers['content-type']);
    assert.match(String(encoded.headers['content-type']), /javascript/);
    assert.is(encoded.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.is(Number(encoded.headers['content-length']), encoded.body.length);
    assert.ok(varies(encoded), 'Vary: Accept-Encoding');
  });
}

files('should send the script as it is to a client that accepts no encoding, saying it varies', async () => {
  const url = await portalScript();
  for (const accepted of [undefined, 'identity', 'br;q=0, gzip;q=0']) {
    const response = await raw(url, accepted ? { 'accept-encoding': accepted } : {});
    assert.is(response.status, 200);
    assert.is(response.headers['content-encoding'], undefined, String(accepted));
    assert.is(Number(response.headers['content-length']), response.body.length);
    assert.ok(varies(response), 'Vary: Accept-Encoding');
  }
});

files(
  'should answer a client that refuses every coding, identity too, with the file as it is, not an error',
  async () => {
    const { baseUrl } = await builtApp();
    for (const url of [await portalScript(), `${baseUrl}/api/forms/dols-form-1`]) {
      for (const accepted of ['identity;q=0', 'identity;q=0, *;q=0', 'zstd, identity;q=0']) {
        const response = await raw(url, { 'accept-encoding': accepted });
        assert.is(response.status, 200, `${url} with ${accepted}`);
        assert.is(response.headers['content-encoding'], undefined);
        assert.ok(response.body.length > 1000);
      }
    }
  },
);

files('should answer HEAD with the headers of the encoding it would send, and no body', async () => {
  const url = await portalScript();
  const got = await raw(url, { 'accept-encoding': 'br' });
  const head = await raw(url, { 'accept-encoding': 'br' }, 'HEAD');
  assert.is(head.status, 200);
  assert.is(head.headers['content-encoding'], 'br');
  assert.is(head.headers['content-length'], got.headers['content-length']);
  assert.is(head.body.length, 0);
});

files('should answer a Range request with the whole file or the part asked for, never other bytes', async () => {
  const url = await portalScript();
  const whole = decode(await raw(url));
  for (const accepted of ['identity', 'br']) {
    const response = await raw(url, { 'accept-encoding': accepted, range: 'bytes=0-99' });
    if (response.status === 206) assert.ok(response.body.equals(whole.subarray(0, 100)), accepted);
    else {
      assert.is(response.status, 200, accepted);
      assert.ok(decode(response).equals(whole), accepted);
    }
  }
});

files.run();

const dynamic = suite('Answers made per request, compressed as they are sent');

dynamic('should compress a form definition from the API, and decode to the same JSON', async () => {
  const { baseUrl } = await builtApp();
  const url = `${baseUrl}/api/forms/dols-form-1`;
  const identity = await raw(url);
  assert.ok(identity.body.length > 10_000, 'the definition is large');
  for (const encoding of ['br', 'gzip']) {
    const encoded = await raw(url, { 'accept-encoding': encoding });
    assert.is(encoded.status, 200);
    assert.is(encoded.headers['content-encoding'], encoding);
    assert.ok(encoded.body.length < identity.body.length / 3, `${encoding}: a third of the bytes or less`);
    assert.equal(JSON.parse(decode(encoded).toString()), JSON.parse(identity.body.toString()));
    assert.match(String(encoded.headers['content-type']), /^application\/json/);
    assert.is(encoded.headers['cache-control'], identity.headers['cache-control']);
    assert.ok(varies(encoded), 'Vary: Accept-Encoding');
  }
});

dynamic('should send a small answer as it is, compressing it would save nothing', async () => {
  const { baseUrl } = await builtApp();
  for (const path of ['/healthz', '/api/forms/no-such-form']) {
    const response = await raw(`${baseUrl}${path}`, { 'accept-encoding': 'br, gzip' });
    assert.ok(response.body.length < 1024, path);
    assert.is(response.headers['content-encoding'], undefined, path);
    assert.ok(JSON.parse(response.body.toString()), path);
  }
});

dynamic("should keep a person's own answers no-store when it compresses them", async () => {
  const smtp = await startSmtpServer();
  closeAtEnd(() => smtp.close());
  const { baseUrl } = await startTestApp({ SMTP_URL: smtp.url, CAPTCHA: 'off' });
  const as = await registerOverApi(baseUrl, smtp, 'compressed@example.gov.uk');
  const saved = await as.post('/api/drafts', {
    formId: 'dols-form-1',
    formVersion: newestVersion('dols-form-1'),
    pageId: 'health-and-communication',
    answers: { medicalHistory: 'Vascular dementia, diagnosed in 2019; falls at night. '.repeat(40) },
  });
  assert.is(saved.status, 201, JSON.stringify(saved.body));
  const cookie = [...as.jar].map(([name, value]) => `${name}=${value}`).join('; ');
  const url = `${baseUrl}/api/drafts/${saved.body.draft.id}`;
  const identity = await raw(url, { cookie });
  assert.ok(identity.body.length > 1024, `${identity.body.length} bytes: over the size compressed`);
  const encoded = await raw(url, { cookie, 'accept-encoding': 'br' });
  assert.is(encoded.headers['content-encoding'], 'br');
  assert.is(encoded.headers['cache-control'], 'no-store');
  assert.equal(
    JSON.parse(decode(encoded).toString()).draft.answers,
    JSON.parse(identity.body.toString()).draft.answers,
  );
});

dynamic.run();
