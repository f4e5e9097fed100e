/**
 * In production behind its proxy: a request the proxy did not mark as HTTPS is refused with what
 * the proxy must send (it used to fail with a 500 when a secure cookie was set on it), while the
 * health checks still answer a load balancer asking over plain HTTP.
 */
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { startTestApp } from '../support/test-app.ts';

const https = suite('HTTPS only, in production');

https(
  'should refuse a request not marked https by the proxy, saying what it must send, and answer the health checks',
  async () => {
    const { baseUrl } = await startTestApp({
      DATABASE_URL: '',
      NODE_ENV: 'production',
      TRUST_PROXY: '1',
      ANSWERS_KEYS: `2026-11:${'ab'.repeat(32)}`,
      SESSION_SECRET: 'ef'.repeat(32),
      WEBHOOK_URL: 'https://cases.example.gov.uk/referrals',
      WEBHOOK_SECRET: 'cd'.repeat(32),
      PUBLIC_URL: 'https://forms.example.gov.uk',
      SMTP_URL: 'smtp://127.0.0.1:9?ignoreTLS=true',
      MAIL_FROM: 'no-reply@example.gov.uk',
      METRICS_TOKEN: 'ab'.repeat(16),
    });
    const plain = await fetch(`${baseUrl}/api/forms`);
    assert.is(plain.status, 400);
    assert.match((await plain.json()).error.message, /must send X-Forwarded-Proto: https/);
    const signIn = await fetch(`${baseUrl}/api/account/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://forms.example.gov.uk' },
      body: JSON.stringify({ email: 'sam@example.org', password: 'Lighthouse keeper 2 boats!' }),
    });
    assert.is(signIn.status, 400, 'refused, not a server error');
    for (const path of ['/healthz', '/readyz']) assert.is((await fetch(`${baseUrl}${path}`)).status, 200, path);
    // Prometheus inside the network asks over plain HTTP: its token, not the proxy's header, lets it in.
    const scrape = (token: string) => fetch(`${baseUrl}/metrics`, { headers: { authorization: `Bearer ${token}` } });
    assert.is((await scrape('ab'.repeat(16))).status, 200);
    assert.is((await scrape('cd'.repeat(16))).status, 401);
    const marked = await fetch(`${baseUrl}/api/forms`, { headers: { 'x-forwarded-proto': 'https' } });
    assert.is(marked.status, 200);
    assert.ok(marked.headers.get('strict-transport-security'));
  },
);

https.run();
