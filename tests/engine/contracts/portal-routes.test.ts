import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { parseRoute } from '../../../engine/index.ts';

const it = suite('The portal\u2019s addresses');

const returnOf = (path: string) => {
  const route = parseRoute('/account/sign-in', '/', `?return=${encodeURIComponent(path)}`);
  return route.name === 'account' ? route.returnTo : 'not an account page';
};

it('should go back after signing in only to a page of the portal, never to another site', () => {
  assert.is(returnOf('/forms/dols-form-1/about-you'), '/forms/dols-form-1/about-you');
  for (const elsewhere of [
    '//evil.example/x',
    '/\\evil.example/x',
    '/\\/evil.example',
    'https://evil.example/',
    'evil',
  ])
    assert.is(returnOf(elsewhere), undefined, elsewhere);
  // Each, as a browser reads it against the portal's address, would leave the portal.
  assert.is(new URL('/\\evil.example/x', 'https://portal.example.gov.uk').host, 'evil.example');
});

it.run();
