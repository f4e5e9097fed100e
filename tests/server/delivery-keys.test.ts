/**
 * Deliveries signed with a key pair (WEBHOOK_SIGNING_KEYS, ES256), checked as a case system would:
 * with jose and the keys the portal publishes at /.well-known/jwks.json, holding no secret of
 * ours; two keys listed while one is rotated in; a key file that will not load stopping the start
 * with what to do.
 */
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  calculateJwkThumbprint,
  compactVerify,
  createLocalJWKSet,
  decodeProtectedHeader,
  exportJWK,
  exportPKCS8,
  generateKeyPair,
} from 'jose';
import { registerSchema, validate } from '@hyperjump/json-schema/draft-2020-12';
import { BASIC } from '@hyperjump/json-schema/experimental';
import { startSmtpServer } from '../support/smtp.ts';
import { startCaseSystem } from '../support/case-system.ts';
import { closeAtEnd } from '../support/shared.ts';
import { referredOverApi } from '../support/http-client.ts';
import { startTestApp } from '../support/test-app.ts';
import { loadForms } from '../fixtures/forms.ts';

const fixture = loadForms().find((form) => form.definition.id === 'social-care-referral')!;
const test = suite('Deliveries signed with a key pair');

/** A new P-256 key pair, its private half written as council IT would with openssl; the file and the key's id. */
async function keyFile(folder: string, name: string): Promise<{ file: string; kid: string }> {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const file = join(folder, `${name}.pem`);
  await writeFile(file, await exportPKCS8(privateKey), { mode: 0o600 });
  return { file, kid: await calculateJwkThumbprint(await exportJWK(publicKey)) };
}

test('should sign each delivery with the newest key, which the case system checks with the published keys alone', async () => {
  const folder = await mkdtemp(join(tmpdir(), 'asc-forms-keys-'));
  const [newer, older] = [await keyFile(folder, 'newer'), await keyFile(folder, 'older')];
  const smtp = await startSmtpServer();
  const caseSystem = await startCaseSystem();
  closeAtEnd(() => smtp.close());
  closeAtEnd(() => caseSystem.close());
  const { app, baseUrl } = await startTestApp({
    SMTP_URL: smtp.url,
    WEBHOOK_URL: caseSystem.url,
    WEBHOOK_SIGNING_KEYS: `${newer.file}, ${older.file}`,
  });

  const published = await fetch(`${baseUrl}/.well-known/jwks.json`);
  assert.is(published.status, 200);
  assert.match(published.headers.get('content-type') ?? '', /^application\/jwk-set\+json/);
  const jwks = await published.json();
  assert.equal(
    jwks.keys.map((key: { kid: string }) => key.kid),
    [newer.kid, older.kid],
    'both keys, newest first, while one is rotated in',
  );
  for (const key of jwks.keys) {
    assert.is(key.d, undefined, 'never the private part');
    assert.is(key.alg, 'ES256');
  }

  const sent = await referredOverApi(baseUrl, smtp, 'keys@example.org', {
    formId: fixture.definition.id,
    formVersion: fixture.definition.version,
    answers: fixture.answers,
  });
  await app.sendOutbox();
  await caseSystem.receivedAtLeast(1);
  const [contentType, jws] = caseSystem.received[0]!.split('\n') as [string, string];
  assert.is(contentType, 'application/jose');
  assert.equal(decodeProtectedHeader(jws), { alg: 'ES256', kid: newer.kid, typ: 'asc-forms-submission+jws' });
  const { payload } = await compactVerify(jws, createLocalJWKSet(jwks), { algorithms: ['ES256'] });
  const delivery = JSON.parse(new TextDecoder().decode(payload));
  assert.is(delivery.reference, sent.reference);
  assert.is(delivery.submissionId, sent.id);

  // The envelope's own JSON Schema, read by another implementation than ours.
  const schemaResponse = await fetch(`${baseUrl}/api/delivery.schema.json`);
  assert.match(schemaResponse.headers.get('content-type') ?? '', /^application\/schema\+json/);
  registerSchema((await schemaResponse.json()) as never, 'https://cases.example.gov.uk/delivery.schema.json');
  const check = (value: unknown) =>
    validate('https://cases.example.gov.uk/delivery.schema.json', value as never, BASIC);
  const verdict = await check(delivery);
  assert.ok(verdict.valid, JSON.stringify(verdict));
  const { reference: _, ...noReference } = delivery;
  assert.not.ok((await check(noReference)).valid, 'a delivery without its reference is not one');
  assert.not.ok((await check({ ...delivery, formVersion: 'two' })).valid);

  // A case system with only the older key cannot be fooled into taking it as that key's.
  const olderOnly = createLocalJWKSet({ keys: [jwks.keys[1]] });
  const refused = await compactVerify(jws, olderOnly).then(
    () => 'verified',
    (error: Error) => error.name,
  );
  assert.is(refused, 'JWKSNoMatchingKey');
});

test('should publish no keys when deliveries are signed with WEBHOOK_SECRET', async () => {
  const { baseUrl } = await startTestApp({
    WEBHOOK_URL: 'http://127.0.0.1:9/referrals',
    WEBHOOK_SECRET: 'ab'.repeat(32),
  });
  assert.equal(await (await fetch(`${baseUrl}/.well-known/jwks.json`)).json(), { keys: [] });
});

test('should not start on a key file it cannot read or that holds no P-256 private key, saying how to make one', async () => {
  const folder = await mkdtemp(join(tmpdir(), 'asc-forms-keys-'));
  const notAKey = join(folder, 'not-a-key.pem');
  await writeFile(notAKey, '-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n');
  const failure = (files: string) =>
    startTestApp({ WEBHOOK_URL: 'http://127.0.0.1:9/referrals', WEBHOOK_SIGNING_KEYS: files }).then(
      () => 'started',
      (error: Error) => error.message,
    );
  const missing = await failure(join(folder, 'missing.pem'));
  assert.match(missing, 'WEBHOOK_SIGNING_KEYS');
  assert.match(missing, 'missing.pem cannot be read');
  assert.match(missing, 'openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256');
  const wrong = await failure(notAKey);
  assert.match(wrong, 'not-a-key.pem is not a P-256 private key in PEM');
});

test.run();
