/** Each form version's flow, as the build writes it, served at /flows/ for the authors' pages to link. */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { DOMParser } from '@xmldom/xmldom';
import { builtApp } from '../support/built-app.ts';

const get = async (path: string, init?: RequestInit) => fetch(`${(await builtApp()).baseUrl}${path}`, init);
const flows = suite('Flows of the forms');

flows('should serve a flow as an SVG image under the portal CSP, whose policy lets it show as drawn', async () => {
  const response = await get('/flows/dols-form-1-v2.svg');
  assert.is(response.status, 200);
  assert.match(response.headers.get('content-type') ?? '', /^image\/svg\+xml/);
  assert.is(response.headers.get('x-content-type-options'), 'nosniff');
  assert.match(response.headers.get('content-security-policy') ?? '', /default-src 'self'/);
  assert.is(response.headers.get('cache-control'), 'no-cache');
  const svg = new DOMParser().parseFromString(await response.text(), 'image/svg+xml').documentElement!;
  assert.is(
    svg.getElementsByTagName('title')[0]!.textContent,
    'The pages of DoLS Form 1: standard request and urgent authorisation, version 2',
  );
});

flows('should serve the same flow in words as Markdown, and 404 for a version that has none', async () => {
  const response = await get('/flows/dols-form-1-v2.md');
  assert.is(response.status, 200);
  assert.match(response.headers.get('content-type') ?? '', /^text\/markdown/);
  assert.match(
    await response.text(),
    /^16\. \*\*The urgent authorisation\*\* \(`urgent-authorisation`\), 86% complete$/m,
  );
  assert.is((await get('/flows/dols-form-1-v9.svg')).status, 404);
});

flows.run();
