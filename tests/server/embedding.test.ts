/**
 * A form embedded on the council's own site (www.…, the portal on portal.…): over HTTP, the
 * council's page may use the referrer's API with the session cookie (preflights, credentials,
 * writes), and nothing else: the staff's API stays closed to it, and other sites stay refused.
 */
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { startSmtpServer } from '../support/smtp.ts';
import { client, registerOverApi } from '../support/http-client.ts';
import { startTestApp } from '../support/test-app.ts';
import { newestVersion } from '../fixtures/forms.ts';

const COUNCIL = 'https://www.sefton.gov.uk';
/** What a browser sends with a request from the council's page to the portal. */
const fromCouncil = { origin: COUNCIL, 'sec-fetch-site': 'same-site' };
const fromElsewhere = { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' };

const it = suite('A form embedded on the council\u2019s site, over HTTP');

let baseUrl = '';
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

it.before(async () => {
  smtp = await startSmtpServer();
  ({ baseUrl } = await startTestApp({ EMBED_ORIGINS: COUNCIL, SMTP_URL: smtp.url, DATABASE_URL: '' }));
});

const preflight = (path: string, origin: string, method = 'POST') =>
  fetch(`${baseUrl}${path}`, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': method, 'access-control-request-headers': 'content-type' },
  });

it('should let the council\u2019s page send the referrer\u2019s requests with their cookie, after a preflight', async () => {
  for (const [path, method] of [
    ['/api/account/sign-in', 'POST'],
    ['/api/captcha/verify', 'POST'],
    ['/api/drafts', 'POST'],
    ['/api/drafts/00000000-0000-4000-8000-000000000000', 'PUT'],
    ['/api/submissions', 'POST'],
  ] as const) {
    const answer = await preflight(path, COUNCIL, method);
    assert.is(answer.status, 204, path);
    assert.is(answer.headers.get('access-control-allow-origin'), COUNCIL, path);
    assert.is(answer.headers.get('access-control-allow-credentials'), 'true', path);
    assert.match(answer.headers.get('access-control-allow-methods') ?? '', new RegExp(`\\b${method}\\b`), path);
    assert.match(answer.headers.get('access-control-allow-headers') ?? '', /content-type/, path);
  }
  const refused = await preflight('/api/drafts', 'https://evil.example');
  assert.is(refused.headers.get('access-control-allow-origin'), null, 'another site is not allowed');
});

it('should sign in, save and submit from the council\u2019s page, with answers its scripts may read', async () => {
  const as = await registerOverApi(baseUrl, smtp, 'embedded@example.org', { as: client(baseUrl, fromCouncil) });
  const account = await as.get('/api/account');
  assert.is(account.body.user.email, 'embedded@example.org');
  assert.is(account.headers.get('access-control-allow-origin'), COUNCIL);
  assert.is(account.headers.get('access-control-allow-credentials'), 'true');
  const definition = { id: 'dols-form-1', version: newestVersion('dols-form-1') };
  const saved = await as.post('/api/drafts', {
    formId: definition.id,
    formVersion: definition.version,
    pageId: 'about-you',
    answers: { referrerName: 'Sam Carter' },
  });
  assert.is(saved.status, 201, JSON.stringify(saved.body));
  assert.is(saved.headers.get('access-control-allow-origin'), COUNCIL);
  // A refusal is readable too, so the form can say what to fix.
  const refused = await as.post('/api/submissions', {
    formId: definition.id,
    formVersion: definition.version,
    answers: {},
  });
  assert.is(refused.status, 400);
  assert.is(refused.headers.get('access-control-allow-origin'), COUNCIL);
  assert.ok(refused.body.error.message);
});

it('should keep refusing other sites\u2019 writes, and keep the staff\u2019s API closed to the council\u2019s page', async () => {
  const forged = await client(baseUrl, fromElsewhere).post('/api/account/sign-in', { email: 'a@b.co', password: 'x' });
  assert.is(forged.status, 403);
  assert.is(forged.body.error.code, 'cross-site');
  const council = client(baseUrl, fromCouncil);
  const staff = await council.post('/api/staff/sign-in', { email: 'a@b.co', password: 'x' });
  assert.is(staff.status, 403, 'a staff sign-in from the council\u2019s page is refused');
  assert.is(staff.headers.get('access-control-allow-origin'), null);
  assert.is((await council.get('/api/staff/session')).headers.get('access-control-allow-origin'), null);
  assert.is((await preflight('/api/staff/sign-in', COUNCIL)).headers.get('access-control-allow-origin'), null);
});

it('should say whether the browser kept the test cookie, so a page where signing in cannot work knows it first', async () => {
  const browser = client(baseUrl, fromCouncil);
  assert.equal((await browser.get('/api/account/cookie-check')).body, { kept: false });
  const set = await browser.post('/api/account/cookie-check');
  assert.is(set.status, 204);
  assert.match(set.setCookies.join('\n'), /asc_cookie_check=1;.*samesite=lax/i);
  assert.is(set.headers.get('access-control-allow-origin'), COUNCIL);
  assert.equal((await browser.get('/api/account/cookie-check')).body, { kept: true });
  assert.equal((await browser.get('/api/account/cookie-check')).body, { kept: false }, 'and it is cleared');
});

it.run();
