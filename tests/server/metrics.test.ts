/**
 * /metrics as a council's Prometheus scrapes it: the numbers move as people's requests, a
 * submission, a form saved for later, a wrong password and an email the outbox cannot send yet
 * would move them; nothing at /metrics on the main port unless METRICS_TOKEN is set, and then only
 * for its bearer; or on a port of its own (METRICS_PORT), in a portal process of its own.
 */
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { manualClock, MINUTE } from '../../server/services/clock.ts';
import { readConfig } from '../../server/config.ts';
import { startTestApp } from '../support/test-app.ts';
import { startSmtpServer } from '../support/smtp.ts';
import { closeAtEnd } from '../support/shared.ts';
import { client, registerOverApi } from '../support/http-client.ts';
import { startPortal } from '../support/portal-process.ts';
import { sharedBuild } from '../support/shared-build.ts';
import { loadForms, newestVersion } from '../fixtures/forms.ts';

const TOKEN = 'c0ffee'.repeat(8);
const dols1 = loadForms().find((f) => f.definition.id === 'dols-form-1')!;

/** A scrape read as `name{labels}` → value (labels as Prometheus writes them). */
function parse(text: string): Map<string, number> {
  const values = new Map<string, number>();
  for (const line of text.split('\n')) {
    const match = /^([a-z_]+(?:\{[^}]*\})?) (\S+)$/.exec(line);
    if (match) values.set(match[1]!, Number(match[2]));
  }
  return values;
}

const metrics = suite('/metrics');

metrics(
  'should count what people do: requests by route and status, a submission, saves, a wrong password and an email waiting',
  async () => {
    const smtp = await startSmtpServer();
    closeAtEnd(smtp.close);
    // The answers of the fixture are written for this clock's day.
    const clock = manualClock();
    const { app, baseUrl } = await startTestApp({ SMTP_URL: smtp.url, METRICS_TOKEN: TOKEN }, { clock });
    const scrape = async () => {
      const response = await fetch(`${baseUrl}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
      assert.is(response.status, 200);
      assert.match(response.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
      return parse(await response.text());
    };
    const as = await registerOverApi(baseUrl, smtp, 'metrics.referrer@example.org');
    const before = await scrape();
    const change = (after: Map<string, number>, name: string) => (after.get(name) ?? 0) - (before.get(name) ?? 0);

    assert.is((await fetch(`${baseUrl}/api/forms/dols-form-1?x=1`)).status, 200);
    const wrong = await client(baseUrl).post('/api/account/sign-in', {
      email: 'metrics.referrer@example.org',
      password: 'Not-The-Password-1',
    });
    assert.is(wrong.status, 400);
    const formVersion = newestVersion('dols-form-1');
    const saved = await as.post('/api/drafts', {
      formId: 'dols-form-1',
      formVersion,
      pageId: 'the-person',
      answers: { referrerName: 'Sam Carter' },
    });
    assert.is(saved.status, 201, JSON.stringify(saved.body));
    const savedAgain = await as.put(`/api/drafts/${saved.body.draft.id}`, {
      version: 1,
      pageId: 'the-person',
      answers: { referrerName: 'Sam Carter', referrerJobTitle: 'Ward manager' },
    });
    assert.is(savedAgain.status, 200, JSON.stringify(savedAgain.body));
    // The mail server is down: the confirmation email waits in the outbox; the delivery is written to a file.
    smtp.setDown(true);
    const submission = {
      formId: 'dols-form-1',
      formVersion: dols1.definition.version,
      answers: dols1.answers,
      idempotencyKey: randomUUID(),
    };
    const submitted = await as.post('/api/submissions', submission);
    assert.is(submitted.status, 201, JSON.stringify(submitted.body));
    assert.is((await as.post('/api/submissions', submission)).status, 200, 'the same submission again');
    await app.sendOutbox();
    clock.advance(2 * MINUTE);

    const after = await scrape();
    assert.is(change(after, 'asc_forms_http_requests_total{method="GET",route="/api/forms/:formId",status="200"}'), 1);
    assert.is(
      change(after, 'asc_forms_http_requests_total{method="POST",route="/api/account/sign-in",status="400"}'),
      1,
    );
    assert.is(change(after, 'asc_forms_http_requests_total{method="POST",route="/api/submissions",status="201"}'), 1);
    assert.is(change(after, 'asc_forms_http_requests_total{method="POST",route="/api/submissions",status="200"}'), 1);
    assert.is(
      change(after, 'asc_forms_http_request_duration_seconds_count{method="GET",route="/api/forms/:formId"}'),
      1,
    );
    assert.is(change(after, 'asc_forms_sign_in_failures_total'), 1);
    assert.is(change(after, 'asc_forms_drafts_saved_total'), 2);
    assert.is(change(after, 'asc_forms_submissions_accepted_total{form="dols-form-1"}'), 1, 'a repeat is not counted');
    assert.is(after.get('asc_forms_outbox_unsent{kind="email"}'), 1);
    assert.is(after.get('asc_forms_outbox_unsent{kind="delivery"}'), 0);
    assert.is(after.get('asc_forms_outbox_oldest_unsent_age_seconds{kind="email"}'), 120);
    assert.is(after.get('asc_forms_outbox_oldest_unsent_age_seconds{kind="delivery"}'), 0);
    assert.is(change(after, 'asc_forms_outbox_send_failures_total{kind="email"}'), 1);
    assert.is(change(after, 'asc_forms_outbox_send_failures_total{kind="delivery"}'), 0);
    assert.ok((after.get('process_resident_memory_bytes') ?? 0) > 0, "the process's own metrics");

    smtp.setDown(false);
    clock.advance(MINUTE);
    await app.sendOutbox();
    const sent = await scrape();
    assert.is(sent.get('asc_forms_outbox_unsent{kind="email"}'), 0, 'the email went once the mail server was back');
    assert.is(sent.get('asc_forms_outbox_oldest_unsent_age_seconds{kind="email"}'), 0);
  },
);

metrics(
  'should have nothing at /metrics on the main port without METRICS_TOKEN, like any unknown address',
  async () => {
    const { baseUrl } = await startTestApp();
    const response = await fetch(`${baseUrl}/metrics`);
    assert.is(response.status, 404);
    assert.not.match(await response.text(), /asc_forms_|process_/);
  },
);

metrics('should refuse a missing or wrong token with a 401 in JSON and no metric', async () => {
  const { baseUrl } = await startTestApp({ METRICS_TOKEN: TOKEN });
  for (const authorization of [undefined, `Bearer ${TOKEN.slice(1)}x`, TOKEN, `Basic ${TOKEN}`]) {
    const response = await fetch(`${baseUrl}/metrics`, { headers: authorization ? { authorization } : {} });
    assert.is(response.status, 401, String(authorization));
    assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
    assert.is(response.headers.get('www-authenticate'), 'Bearer realm="metrics"');
    const text = await response.text();
    assert.is(JSON.parse(text).error.code, 'unauthorised');
    assert.not.match(text, /asc_forms_|process_/);
  }
});

metrics("should count each app's requests apart, in one process", async () => {
  const first = await startTestApp();
  const second = await startTestApp();
  for (let i = 0; i < 3; i++) await fetch(`${first.baseUrl}/api/portal`);
  const counted = (text: string) =>
    parse(text).get('asc_forms_http_requests_total{method="GET",route="/api/portal",status="200"}') ?? 0;
  assert.is(counted(await first.app.metrics.text()), 3);
  assert.is(counted(await second.app.metrics.text()), 0);
});

metrics(
  'should serve /metrics on METRICS_PORT, at HOST, in a portal of its own, and not on the main port',
  async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'asc-forms-metrics-'));
    closeAtEnd(() => rm(dataDir, { recursive: true, force: true }));
    const { baseUrl, output } = await startPortal({
      BUILD_DIR: await sharedBuild(),
      DATA_DIR: dataDir,
      METRICS_PORT: '0',
    });
    assert.is((await fetch(`${baseUrl}/api/portal`)).status, 200);
    assert.is((await fetch(`${baseUrl}/metrics`)).status, 404, 'not on the main port');
    let at: RegExpExecArray | null = null;
    for (let i = 0; i < 50 && !at; i++) {
      at = /Metrics at (http:\/\/127\.0\.0\.1:\d+\/metrics)/.exec(output());
      if (!at) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.ok(at, output());
    const response = await fetch(at![1]!);
    assert.is(response.status, 200);
    const scraped = parse(await response.text());
    assert.is(scraped.get('asc_forms_http_requests_total{method="GET",route="/api/portal",status="200"}'), 1);
    assert.ok(scraped.has('process_cpu_user_seconds_total'));
    assert.is((await fetch(at![1]!.replace('/metrics', '/other'))).status, 404);
    const start = output()
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { level: string; msg: string });
    assert.ok(
      start.some((line) => line.level === 'info' && /asc-forms portal at http:\/\/localhost:\d+$/.test(line.msg)),
    );
  },
);

metrics('should refuse a METRICS_PORT or METRICS_TOKEN it cannot use, saying what to set', () => {
  assert.throws(() => readConfig({ METRICS_PORT: 'nine' }), /METRICS_PORT: "nine" is not a port number \(0 to 65535/);
  assert.throws(() => readConfig({ METRICS_PORT: '3000' }), /METRICS_PORT: it is the same as PORT/);
  assert.throws(
    () => readConfig({ METRICS_TOKEN: 'short' }),
    /METRICS_TOKEN: it is not at least 32 characters.*openssl rand/,
  );
  assert.throws(() => readConfig({ METRICS_TOKEN: `${TOKEN} x` }), /without spaces/);
  assert.equal(
    (({ metricsPort, metricsToken }) => ({ metricsPort, metricsToken }))(
      readConfig({ METRICS_PORT: '9464', METRICS_TOKEN: TOKEN }),
    ),
    { metricsPort: 9464, metricsToken: TOKEN },
  );
});

metrics.run();
