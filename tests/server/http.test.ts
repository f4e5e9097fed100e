import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { builtApp } from '../support/built-app.ts';
import { loadForms } from '../fixtures/forms.ts';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';

const get = async (path: string, init?: RequestInit) => fetch(`${(await builtApp()).baseUrl}${path}`, init);

const headers = suite('Headers on every response');

for (const path of ['/', '/forms/dols-form-1/about-you', '/api/forms', '/api/forms/no-such-form', '/healthz']) {
  headers(`should send a strict CSP, nosniff and a referrer policy on ${path}`, async () => {
    const response = await get(path);
    const csp = response.headers.get('content-security-policy') ?? '';
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.not.match(csp, /unsafe-eval|unsafe-inline/);
    assert.match(csp, /frame-ancestors 'self' https:\/\/www\.sefton\.gov\.uk/);
    assert.match(csp, /object-src 'none'/);
    assert.is(response.headers.get('x-content-type-options'), 'nosniff');
    assert.is(response.headers.get('referrer-policy'), 'strict-origin-when-cross-origin');
    assert.is(response.headers.get('strict-transport-security'), null, 'no HSTS outside production');
  });
}

headers.run();

const pages = suite('Pages and files');

pages('should serve the portal page at every portal address, so deep links and reloads work', async () => {
  for (const path of ['/', '/referrals', '/dols', '/forms/social-care-referral', '/forms/dols-form-1/the-person']) {
    const response = await get(path);
    assert.is(response.status, 200, path);
    assert.match(response.headers.get('content-type') ?? '', /text\/html/);
    assert.match(await response.text(), /<asc-portal><\/asc-portal>/);
    assert.is(response.headers.get('cache-control'), 'no-cache');
  }
});

pages(
  'should serve the built scripts with a year of caching, since their names change with their content',
  async () => {
    const page = await (await get('/')).text();
    const script = /<script type="module" src="([^"]+)"/.exec(page)![1]!;
    const response = await get(script);
    assert.is(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /javascript/);
    assert.is(response.headers.get('cache-control'), 'public, max-age=31536000, immutable');
  },
);

pages(
  "should serve /embed/asc-form.js, checked on every use, loading this build's <asc-form> and the chunks it needs, which are kept for a year",
  async () => {
    const { app, baseUrl } = await builtApp();
    const response = await get('/embed/asc-form.js');
    assert.is(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /javascript/);
    assert.is(response.headers.get('cache-control'), 'no-cache');
    const source = await response.text();
    const imports = [...source.matchAll(/(?:import|from) ?"([^"]+)"/g)].map(
      (m) => new URL(m[1]!, `${baseUrl}/embed/asc-form.js`).pathname,
    );
    // It exports what the hashed embed script does, from the same chunks.
    const hashed = await (await get(app.catalogue.manifest.embed)).text();
    assert.match(hashed, /export\s*\{[^}]*\bAscForm\b/);
    assert.match(source, /export\s*\{[^}]*\bAscForm\b/);
    for (const [, chunk] of hashed.matchAll(/"\.\/(chunks\/[^"]+)"/g))
      assert.ok(imports.includes(`/assets/${chunk}`), `it fetches ${chunk} as the hashed script does`);
    assert.ok(imports.length > 0, 'the chunks are fetched with it');
    for (const path of imports) {
      const hashed = await get(path);
      assert.is(hashed.status, 200, path);
      assert.match(hashed.headers.get('content-type') ?? '', /javascript/, path);
      assert.is(hashed.headers.get('cache-control'), 'public, max-age=31536000, immutable', path);
    }
  },
);

pages('should answer an address that is no page of the portal with 404, and the portal page that says so', async () => {
  for (const path of [
    '/metrics',
    '/forms/no-such-form',
    '/forms/no-such-form/about-you',
    '/account/nothing',
    '/a/b/c',
  ]) {
    const response = await get(path);
    assert.is(response.status, 404, path);
    assert.match(response.headers.get('content-type') ?? '', /text\/html/);
    assert.match(await response.text(), /<asc-portal><\/asc-portal>/, `${path}: the portal shows its not-found page`);
  }
  for (const path of ['/signed-out', '/account/saved', '/forms/dols-form-1/about-you', '/dols'])
    assert.is((await get(path)).status, 200, path);
});

pages('should answer 404 for a missing file, not the portal page', async () => {
  assert.is((await get('/assets/missing-ABCDEFGH.js')).status, 404);
});

pages('should answer a malformed address with 400, not a server error', async () => {
  for (const path of ['/assets/%E0%A4%A', '/forms/%E0%A4%A']) assert.is((await get(path)).status, 400, path);
});

pages('should answer /healthz', async () => {
  const response = await get('/healthz');
  assert.is(response.status, 200);
  assert.equal(await response.json(), { status: 'ok' });
});

pages.run();

const api = suite('The forms API');

api('should list the four forms at their latest published version', async () => {
  const { forms } = (await (await get('/api/forms')).json()) as {
    forms: Array<{ id: string; version: number; title: string }>;
  };
  assert.equal(
    forms.map((f) => f.id).sort(),
    loadForms()
      .map((f) => f.definition.id)
      .sort(),
  );
  const newest = new Map(loadForms().map((f) => [f.definition.id, f.definition.version]));
  assert.ok(forms.every((f) => f.version === newest.get(f.id) && f.version > 1 && f.title.length > 0));
});

api('should give a form with its definition, the URL of its precompiled validators, and the notices', async () => {
  const body = await (await get('/api/forms/dols-form-1')).json();
  assert.is(body.definition.id, 'dols-form-1');
  assert.match(body.validators, new RegExp(`^/assets/forms/dols-form-1-v${body.definition.version}-[A-Z0-9]+\\.js$`));
  assert.ok(body.notices.urgent && body.accountGate.length > 0);
  // The council's time zone, which the browser's form counts today in; the portal's content says it too.
  assert.is(body.timeZone, 'Europe/London');
  assert.is((await (await get('/api/portal')).json()).council.timeZone, 'Europe/London');
  const validators = await get(body.validators);
  assert.is(validators.status, 200);
  assert.match(await validators.text(), /export\{/);
});

api('should give a version by number, and say clearly when there is none', async () => {
  assert.is((await (await get('/api/forms/dols-form-2/versions/1')).json()).definition.version, 1);
  const missing = await get('/api/forms/dols-form-2/versions/9');
  assert.is(missing.status, 404);
  assert.equal(await missing.json(), { error: { code: 'not-found', message: 'Form "dols-form-2" has no version 9.' } });
  const bad = await get('/api/forms/dols-form-2/versions/latest');
  assert.is(bad.status, 400);
  assert.match((await bad.json()).error.message, /whole number/);
});

api('should answer an unknown API address with a JSON 404, not the portal page', async () => {
  const response = await get('/api/nothing-here');
  assert.is(response.status, 404);
  assert.equal(await response.json(), {
    error: { code: 'not-found', message: 'There is nothing at /api/nothing-here.' },
  });
});

api("should serve the portal content, the schemas, and each version's answers schema", async () => {
  assert.is((await (await get('/api/portal')).json()).council.name, 'Sefton Council');
  const definitionSchema = await get('/schemas/definition.schema.json');
  assert.match(definitionSchema.headers.get('content-type') ?? '', /application\/schema\+json/);
  assert.is((await definitionSchema.json()).$id, 'https://asc-forms.org/schemas/form-definition/v1.json');
  const answers = await (await get('/api/forms/social-care-referral/versions/1/answers.schema.json')).json();
  assert.is(answers.$id, 'urn:asc-forms:social-care-referral:v1:answers');
  assert.is((await get('/api/forms/social-care-referral/versions/7/answers.schema.json')).status, 404);
});

api('should describe every route of the API in /api/openapi.json, each method of each', async () => {
  const document = await (await get('/api/openapi.json')).json();
  assert.is(document.openapi, '3.1.0');
  // The routes as the server has them, from its routers: a new route nobody documented fails here.
  const routes = (await builtApp()).app.koa.middleware
    .flatMap(
      (middleware) =>
        (middleware as { router?: { stack: Array<{ path: string; methods: string[] }> } }).router?.stack ?? [],
    )
    .filter(
      (layer) =>
        typeof layer.path === 'string' &&
        layer.methods.length > 0 &&
        (layer.path.startsWith('/api/') || layer.path === '/healthz') &&
        layer.path !== '/api/openapi.json',
    );
  assert.ok(routes.length > 25, `found the routers (${routes.length} routes)`);
  const undocumented = routes.flatMap(({ path, methods }) => {
    const documented =
      document.paths[
        path
          .replace(/\/$/, '')
          .replace(/:(\w+)/g, '{$1}')
          .replace('{id}', '{draftId}')
      ];
    return methods
      .filter((method) => method !== 'HEAD' && !documented?.[method.toLowerCase()])
      .map((method) => `${method} ${path}`);
  });
  assert.equal(undocumented, []);
});

api('should refuse methods a route does not have in JSON, naming the ones it takes, for no cache to keep', async () => {
  for (const [method, path, status, code, takes] of [
    ['DELETE', '/api/forms', 405, 'method-not-allowed', 'HEAD, GET'],
    ['GET', '/api/account/sign-out', 405, 'method-not-allowed', 'POST'],
    ['DELETE', '/api/account/sign-in', 405, 'method-not-allowed', 'POST'],
    ['POST', '/healthz', 405, 'method-not-allowed', 'HEAD, GET'],
    ['PROPFIND', '/api/forms', 501, 'not-implemented', 'HEAD, GET'],
  ] as const) {
    const response = await get(path, { method });
    assert.is(response.status, status, `${method} ${path}`);
    assert.is(response.headers.get('allow'), takes);
    assert.is(response.headers.get('cache-control'), 'no-store', `${method} ${path}`);
    assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
    assert.equal(await response.json(), {
      error: { code, message: `${path} does not take ${method}: it takes ${takes}.` },
    });
  }
});

api('should answer OPTIONS with the methods in JSON, for no cache to keep', async () => {
  for (const [path, methods] of [
    ['/api/forms', ['HEAD', 'GET']],
    ['/api/account', ['HEAD', 'GET']],
    ['/api/account/sign-out', ['POST']],
    ['/healthz', ['HEAD', 'GET']],
  ] as const) {
    const response = await get(path, { method: 'OPTIONS' });
    assert.is(response.status, 200, path);
    assert.is(response.headers.get('cache-control'), 'no-store', path);
    assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
    assert.equal(await response.json(), { methods });
  }
});

api("should send every API answer as JSON, no-store unless it is a form's public definition", async () => {
  for (const [path, cacheControl] of [
    ['/api/account', 'no-store'],
    ['/api/account/session', 'no-store'],
    ['/api/drafts', 'no-store'],
    ['/api/nothing-here', 'no-store'],
    ['/api/forms/no-such-form', 'no-store'],
    ['/healthz', 'no-store'],
    ['/api/forms', 'no-cache'],
    ['/api/forms/dols-form-1/versions/1', 'public, max-age=300'],
  ] as const) {
    const response = await get(path);
    assert.is(response.headers.get('cache-control'), cacheControl, path);
    assert.match(response.headers.get('content-type') ?? '', /^application\/json/, path);
  }
});

api('should let the sites in EMBED_ORIGINS read the components and forms, and nobody else', async () => {
  const embedded = await get('/api/forms/dols-form-1', { headers: { origin: 'https://www.sefton.gov.uk' } });
  assert.is(embedded.headers.get('access-control-allow-origin'), 'https://www.sefton.gov.uk');
  assert.match(embedded.headers.get('vary') ?? '', /Origin/);
  const script = /<script type="module" src="([^"]+)"/.exec(await (await get('/')).text())![1]!;
  assert.is(
    (await get(script, { headers: { origin: 'https://www.sefton.gov.uk' } })).headers.get(
      'access-control-allow-origin',
    ),
    'https://www.sefton.gov.uk',
  );
  assert.is(
    (await get('/api/forms/dols-form-1', { headers: { origin: 'https://evil.example' } })).headers.get(
      'access-control-allow-origin',
    ),
    null,
  );
  const embedScript = (origin: string) =>
    get('/embed/asc-form.js', { headers: { origin } }).then((r) => r.headers.get('access-control-allow-origin'));
  assert.is(await embedScript('https://www.sefton.gov.uk'), 'https://www.sefton.gov.uk');
  assert.is(await embedScript('https://evil.example'), null);
  assert.is(
    (await get('/api/staff/session', { headers: { origin: 'https://www.sefton.gov.uk' } })).headers.get(
      'access-control-allow-origin',
    ),
    null,
    "the staff's API is never shared",
  );
});

api.run();

const bodies = suite('Request bodies');

const post = (path: string, body: string | Buffer, headers: Record<string, string> = {}) =>
  get(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: new Blob([body as BlobPart]),
  });

bodies('should refuse a compressed body with 415 and say to send it uncompressed, whatever the coding', async () => {
  const json = JSON.stringify({ email: 'a@b.co', password: 'x' });
  const sent: Array<[string, Buffer]> = [
    ['gzip', gzipSync(json)],
    ['deflate', deflateSync(json)],
    ['br', brotliCompressSync(json)],
    ['gzip', Buffer.from(json)],
    ['deflate', Buffer.from('not deflated at all')],
    ['x-unknown', Buffer.from(json)],
    ['identity, gzip', gzipSync(json)],
  ];
  for (const path of ['/api/account/sign-in', '/api/drafts', '/', '/forms/dols-form-1/about-you'])
    for (const [coding, body] of sent) {
      const response = await post(path, body, { 'content-encoding': coding });
      assert.is(response.status, 415, `${coding} to ${path}`);
      assert.match(response.headers.get('content-type') ?? '', /application\/json/);
      const { error } = await response.json();
      assert.is(error.code, 'unsupported-encoding');
      assert.match(error.message, /^Send the request body uncompressed/);
    }
  const plain = await post('/api/account/sign-in', json, { 'content-encoding': 'identity' });
  assert.is(plain.status, 400, 'an uncompressed body is read as ever');
  assert.is((await plain.json()).error.code, 'invalid');
});

bodies('should say that a body which is a list or a single value is not the object it must be', async () => {
  for (const [body, kind] of [
    ['[]', 'a list'],
    ['[{"email":"a@b.co","password":"x"}]', 'a list'],
    ['1', 'a number'],
    ['"a@b.co"', 'a string'],
    ['true', 'true or false'],
    ['null', 'null'],
  ]) {
    const response = await post('/api/account/sign-in', body!);
    assert.is(response.status, 400, body);
    const { error } = await response.json();
    assert.is(error.code, 'not-an-object', body);
    assert.ok(error.message.startsWith(`The request body is ${kind}`), error.message);
    assert.match(error.message, /send a JSON object/);
    assert.not.match(error.message, /undefined/);
  }
  const empty = await post('/api/account/sign-in/code', '');
  assert.is(empty.status, 409, 'an empty body is still no fields: the refusal is that no sign-in was started');
  assert.is((await empty.json()).error.code, 'flow-expired');
});

bodies.run();
