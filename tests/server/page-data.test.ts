/**
 * The portal's page carries what its first screen shows (the portal's content, the forms on offer,
 * who is signed in, the captcha, the form's definition) as JSON data blocks: never run as script,
 * nothing secret in them, and no cache keeping a page that names the person signed in.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { Parser } from 'htmlparser2';
import { startTestApp } from '../support/test-app.ts';
import { startSmtpServer } from '../support/smtp.ts';
import { closeAtEnd } from '../support/shared.ts';
import { registerOverApi, TEST_PASSWORD, type Client } from '../support/http-client.ts';

const it = suite('The portal page carries what its first screen shows');

let started: Promise<{ baseUrl: string; smtp: Awaited<ReturnType<typeof startSmtpServer>> }> | undefined;
function portal() {
  started ??= (async () => {
    const smtp = await startSmtpServer();
    closeAtEnd(smtp.close);
    const { baseUrl } = await startTestApp({ SMTP_URL: smtp.url });
    return { baseUrl, smtp };
  })();
  return started;
}

interface Script {
  attributes: Record<string, string>;
  text: string;
}

/** The page as a browser reads it: its scripts (with what is inside them) and its links. */
function read(html: string): { scripts: Script[]; links: Array<Record<string, string>> } {
  const scripts: Script[] = [];
  const links: Array<Record<string, string>> = [];
  let open: Script | undefined;
  const parser = new Parser({
    onopentag(name, attributes) {
      if (name === 'script') open = { attributes, text: '' };
      if (name === 'link') links.push(attributes);
    },
    ontext(text) {
      if (open) open.text += text;
    },
    onclosetag(name) {
      if (name === 'script' && open) scripts.push(open);
      open = undefined;
    },
  });
  parser.write(html);
  parser.end();
  return { scripts, links };
}

async function page(path: string, as?: Client) {
  const { baseUrl } = await portal();
  const cookie = as ? [...as.jar].map(([k, v]) => `${k}=${v}`).join('; ') : '';
  const response = await fetch(`${baseUrl}${path}`, { headers: cookie ? { cookie } : {} });
  const html = await response.text();
  const { scripts, links } = read(html);
  const data = Object.fromEntries(
    scripts.filter((s) => s.attributes.type === 'application/json').map((s) => [s.attributes.id, JSON.parse(s.text)]),
  );
  return { response, html, scripts, links, data };
}

it('should carry the form, the portal and who is signed in on a form address, as data no browser runs', async () => {
  const { response, scripts, links, data } = await page('/forms/dols-form-1');
  assert.is(response.status, 200);
  for (const script of scripts)
    assert.ok(
      script.attributes.src || script.attributes.type === 'application/json',
      'every script without a src is JSON data, which the CSP has no need to allow',
    );
  assert.is(data['asc-data-form'].definition.id, 'dols-form-1');
  assert.is(data['asc-data-portal'].council.name, 'Sefton Council');
  assert.ok(
    data['asc-data-forms'].forms.some((f: { id: string }) => f.id === 'dols-form-1'),
    'the forms on offer',
  );
  assert.equal(data['asc-data-account'], { user: null });
  assert.is(data['asc-data-captcha'].provider, 'altcha');
  const preloaded = links.filter((l) => l.rel === 'modulepreload').map((l) => l.href);
  assert.ok(
    !preloaded.includes(data['asc-data-form'].validators),
    "the form's validators are not fetched with the page's script: they check answers, not show the page",
  );
  assert.is(response.headers.get('cache-control'), 'no-cache');
  assert.match(response.headers.get('vary') ?? '', /cookie/i);
});

it("should have the portal's own pages fetch their module beside the page's script, and a form's page not", async () => {
  const preloads = async (path: string) =>
    (await page(path)).links.filter((l) => l.rel === 'modulepreload').map((l) => l.href);
  const [screens] = (await preloads('/')).filter((href) => /portal-screens-/.test(href!));
  assert.ok(screens, 'home preloads the module its page is drawn by');
  assert.is((await fetch(`${(await portal()).baseUrl}${screens}`)).status, 200);
  for (const path of ['/referrals', '/dols']) assert.ok((await preloads(path)).includes(screens!), path);
  assert.not.ok((await preloads('/forms/dols-form-1')).includes(screens!), 'a form page shows none of them first');
});

it('should carry the same form as the API gives, and no form on a page that is not one', async () => {
  const { baseUrl } = await portal();
  const api = await (await fetch(`${baseUrl}/api/forms/dols-form-1`)).json();
  assert.equal((await page('/forms/dols-form-1/about-you')).data['asc-data-form'], api);
  const home = await page('/');
  assert.is(home.data['asc-data-form'], undefined);
  assert.ok(home.data['asc-data-portal'], 'the home page carries the portal content');
  assert.is((await page('/forms/no-such-form')).data['asc-data-form'], undefined);
});

it("should carry, on a form's first page, only an outline of its later pages, and the whole form on any other", async () => {
  const { baseUrl } = await portal();
  const api = await (await fetch(`${baseUrl}/api/forms/dols-form-1`)).json();
  const first = (await page('/forms/dols-form-1')).data['asc-data-form'];
  assert.is(first.opening, true, 'it says it is the opening only');
  assert.equal(first.definition.pages[0], api.definition.pages[0], 'the first page whole');
  assert.equal(
    first.definition.pages.map((p: { id: string }) => p.id),
    api.definition.pages.map((p: { id: string }) => p.id),
  );
  const later = JSON.stringify(first.definition.pages.slice(1));
  assert.not.match(later, /"label":"[^"]/, 'no label with words after the first page');
  assert.ok(later.length < JSON.stringify(api.definition.pages.slice(1)).length * 0.4, 'a good part lighter');
  const withoutDefinition = ({ definition: _, opening: __, ...rest }: Record<string, unknown>) => rest;
  assert.equal(withoutDefinition(first), withoutDefinition(api), 'the rest as the API gives it');

  for (const path of ['/forms/dols-form-1/about-you', '/forms/dols-form-1?draft=4f1c2b9e-0000-4000-8000-000000000000'])
    assert.equal((await page(path)).data['asc-data-form'], api, `${path}: the whole form`);
  assert.is((await page('/forms/dols-form-1/before-you-start')).data['asc-data-form'].opening, true);
});

it("should carry the portal's words as the API gives them, without the rules only the server reads", async () => {
  const { baseUrl } = await portal();
  const api = await (await fetch(`${baseUrl}/api/portal`)).json();
  assert.equal((await page('/')).data['asc-data-portal'], api);
  assert.ok(api.council.name && api.home && api.accountGate, 'what the pages show');
  for (const part of ['triage', 'outcomes', 'workingHours', 'confirmationEmail'])
    assert.is(api[part], undefined, `no ${part}: the council's own rules stay on the server`);
  // At a form's address, without the portal's own pages' words, which the portal asks for after.
  const { home: _, referrals: __, dols: ___, ...onFormPage } = api;
  assert.equal((await page('/forms/dols-form-1')).data['asc-data-portal'], onFormPage);
  assert.equal((await page('/dols')).data['asc-data-portal'], api, 'the DoLS page has them all');
});

it("should give a council's page, asking the API with ?opening, the same opening as the portal's page carries", async () => {
  const { baseUrl } = await portal();
  const onPage = (await page('/forms/dols-form-1')).data['asc-data-form'];
  for (const path of [
    '/api/forms/dols-form-1?opening',
    `/api/forms/dols-form-1/versions/${onPage.definition.version}?opening`,
  ]) {
    const response = await fetch(`${baseUrl}${path}`);
    assert.is(response.status, 200, path);
    assert.equal(await response.json(), onPage, path);
  }
  const whole = await (await fetch(`${baseUrl}/api/forms/dols-form-1`)).json();
  assert.is(whole.opening, undefined, 'without it, the whole form');
});

it('should name the person signed in with nothing secret, in a page no cache keeps', async () => {
  const { baseUrl, smtp } = await portal();
  const email = `page-data.${process.pid}@example.org`;
  const as = await registerOverApi(baseUrl, smtp, email, { forename: 'Ada', surname: 'Byrne' });
  const { response, html, data } = await page('/forms/dols-form-1', as);
  assert.is(response.headers.get('cache-control'), 'no-store');
  const account = data['asc-data-account'];
  assert.equal(account.user, { forename: 'Ada', surname: 'Byrne', email });
  assert.ok(account.idleRemainingMs > 0, 'how long the session has left, for its timer');
  for (const [name, value] of as.jar) assert.not.ok(html.includes(value), `the ${name} cookie is not in the page`);
  assert.not.ok(html.includes(TEST_PASSWORD), 'no password');
  assert.not.match(html, /idHash|passwordHash|userId/, 'nothing from the database beyond what the person is shown');

  const signedOut = { jar: new Map(as.jar) } as Client;
  await as.post('/api/account/sign-out');
  const after = await page('/forms/dols-form-1', signedOut);
  assert.equal(after.data['asc-data-account'], { user: null }, 'a session that has ended names nobody');
  assert.is(after.response.headers.get('cache-control'), 'no-store');
  assert.match(after.response.headers.getSetCookie().join('\n'), /asc_session=;/, 'and its cookie is cleared');
});

it.run();
