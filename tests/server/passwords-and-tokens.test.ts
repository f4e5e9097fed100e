import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { randomBytes } from 'node:crypto';
import { SignJWT, UnsecuredJWT } from 'jose';
import { createPasswordHasher } from '../../server/services/password-hasher.ts';
import { statusOf } from '../../server/http/errors.ts';
import { createTokens } from '../../server/services/tokens.ts';
import { manualClock, HOUR } from '../../server/services/clock.ts';
import { passwordProblems } from '../../server/services/password-strength.ts';

const hashing = suite('Password hashing');

hashing("should hash with scrypt at OWASP's cost by default, and verify only the right password", async () => {
  const hasher = createPasswordHasher();
  const stored = await hasher.hash('Lighthouse keeper 2 boats!');
  assert.match(stored, /^scrypt\$17\$8\$1\$/);
  assert.ok(await hasher.verify('Lighthouse keeper 2 boats!', stored));
  assert.not.ok(await hasher.verify('Lighthouse keeper 2 boats?', stored));
});

hashing('should salt every hash, so one password never hashes the same twice', async () => {
  const hasher = createPasswordHasher({ costLog2: 10 });
  assert.is.not(await hasher.hash('Same-password-123'), await hasher.hash('Same-password-123'));
});

hashing('should run only a few hashes at once and turn a flood away rather than starve the server', async () => {
  const hasher = createPasswordHasher({ costLog2: 12, concurrency: 1, maxQueue: 2 });
  const results = await Promise.allSettled(Array.from({ length: 6 }, () => hasher.hash('Flood-of-sign-ins-1')));
  const refused = results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason);
  assert.ok(refused.length >= 3, `${refused.length} refused`);
  assert.is(statusOf(refused[0]), 503);
  assert.match(refused[0].message, /busy/);
});

hashing('should take a password typed with full-width letters or a ligature as the same password (NFKC)', async () => {
  const hasher = createPasswordHasher({ costLog2: 10 });
  const stored = await hasher.hash('Lighthouse keeper 2 boats!');
  assert.ok(await hasher.verify('Ｌｉｇｈｔｈｏｕｓｅ keeper 2 boats!', stored), 'full-width letters');
  assert.ok(await hasher.verify('Lighthouse keeper 2 boats!', await hasher.hash('Lighthouse keeper 2 boats!')));
  assert.ok(await hasher.verify('Oﬃce keys 22 lighthouse', await hasher.hash('Office keys 22 lighthouse')), 'ligature');
  assert.not.ok(await hasher.verify('Lighthouse keeper 3 boats!', stored));
});

hashing('should still let in a password hashed before the change, in NFC, whose NFKC form differs', async () => {
  const { scryptSync } = await import('node:crypto');
  const salt = randomBytes(16);
  const password = 'Ｌｉｇｈｔｈｏｕｓｅ keeper 2 boats!';
  const key = scryptSync(password.normalize('NFC'), salt, 32, { N: 2 ** 10, r: 8, p: 1 });
  const stored = `scrypt$10$8$1$${salt.toString('base64')}$${key.toString('base64')}`;
  const hasher = createPasswordHasher({ costLog2: 10 });
  assert.ok(await hasher.verify(password, stored));
  assert.not.ok(await hasher.verify('Ｌｉｇｈｔｈｏｕｓｅ keeper 3 boats!', stored));
});

hashing.run();

const tokens = suite('Session tokens');
const secret = randomBytes(32);

tokens('should read back a session id it signed, until it expires', async () => {
  const clock = manualClock();
  const t = createTokens(secret, clock);
  const token = await t.session('sid-1', clock.now() + HOUR);
  assert.is(await t.readSession(token), 'sid-1');
  clock.advance(HOUR + 1000);
  assert.is(await t.readSession(token), null);
});

tokens(
  'should refuse an unsigned token, one signed with another key or algorithm, and a flow token used as a session',
  async () => {
    const clock = manualClock();
    const t = createTokens(secret, clock);
    const exp = Math.floor((clock.now() + HOUR) / 1000);
    const unsigned = new UnsecuredJWT({ sid: 'x' })
      .setIssuer('asc-forms')
      .setAudience('session')
      .setExpirationTime(exp)
      .encode();
    const otherKey = await new SignJWT({ sid: 'x' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('asc-forms')
      .setAudience('session')
      .setExpirationTime(exp)
      .sign(randomBytes(32));
    const otherAlg = await new SignJWT({ sid: 'x' })
      .setProtectedHeader({ alg: 'HS512' })
      .setIssuer('asc-forms')
      .setAudience('session')
      .setExpirationTime(exp)
      .sign(secret);
    const flow = await t.flow('sign-in', 'user-1', 'a@b.co', clock.now() + HOUR);
    for (const token of [unsigned, otherKey, otherAlg, flow, 'not a token'])
      assert.is(await t.readSession(token), null);
    assert.is(await t.readFlow(flow, 'register'), null, 'a sign-in flow cannot finish a registration');
  },
);

tokens.run();

const strength = suite('Password strength beyond the policy');

strength('should accept a passphrase and refuse the common and the personal', () => {
  const context = { words: ['Sefton', 'Samantha', 'Carter', 'sam.carter'] };
  assert.equal(passwordProblems('Lighthouse keeper 2 boats!', undefined, context), []);
  assert.match(passwordProblems('Password123!', undefined, context)[0]!, /too common/);
  assert.match(passwordProblems('Qwertyuiop1!', undefined, context)[0]!, /too common/);
  assert.match(passwordProblems('Samantha1984!', undefined, context)[0]!, /too common|easy to guess/);
  assert.match(passwordProblems('Cartersfield9!', undefined, { words: ['Cartersfield'] })[0]!, /easy to guess/);
  assert.match(passwordProblems('Sefton-2026!!', undefined, context)[0]!, /easy to guess/);
  assert.match(passwordProblems('short', undefined, context)[0]!, /at least 12 characters/);
});

strength('should judge a password in the form it is hashed in, so full-width letters hide nothing', () => {
  const context = { words: ['Sefton'] };
  assert.match(passwordProblems('Ｐａｓｓｗｏｒｄ123!', undefined, context)[0]!, /too common/);
  assert.match(passwordProblems('Ｓｅｆｔｏｎ-2026!!', undefined, context)[0]!, /easy to guess/);
  assert.equal(passwordProblems('Ｌｉｇｈｔｈｏｕｓｅ keeper 2 boats!', 'Lighthouse keeper 2 boats!', context), []);
});

strength.run();

const config = suite('Server settings');

config(
  'should refuse to run in production without a proxy in front, and take only the last forwarded addresses',
  async () => {
    const { readConfig } = await import('../../server/config.ts');
    const production = {
      NODE_ENV: 'production',
      ANSWERS_KEYS: `2026-11:${'ab'.repeat(32)}`,
      SESSION_SECRET: 'ef'.repeat(32),
      WEBHOOK_URL: 'https://cases.example.gov.uk/referrals',
      WEBHOOK_SECRET: 'cd'.repeat(32),
      PUBLIC_URL: 'https://forms.example.gov.uk',
      SMTP_URL: 'smtp://mail.example.gov.uk:587',
      MAIL_FROM: 'no-reply@example.gov.uk',
      DATA_DIR: '/var/lib/asc-forms',
    };
    assert.throws(() => readConfig(production), /set TRUST_PROXY to the number of proxies/);
    assert.throws(() => readConfig({ TRUST_PROXY: 'yes' }), /number of proxies/);
    assert.is(readConfig({ ...production, TRUST_PROXY: '1' }).proxies, 1);
    const Koa = (await import('koa')).default;
    const koa = new Koa({ proxy: true, maxIpsCount: 1 });
    const ctx = koa.createContext(
      { headers: { 'x-forwarded-for': '6.6.6.6, 203.0.113.9' }, socket: { remoteAddress: '10.0.0.1' } } as never,
      {} as never,
    );
    assert.is(ctx.ip, '203.0.113.9', 'a forged left-most address is not believed');
  },
);

config(
  'should refuse to run in production without the keys for saved answers set apart from the data folder',
  async () => {
    const { readConfig } = await import('../../server/config.ts');
    assert.throws(
      () => readConfig({ NODE_ENV: 'production', TRUST_PROXY: '1' }),
      /ANSWERS_KEYS: in production the keys that encrypt saved answers must be set/,
    );
  },
);

config(
  'should refuse to run in production without delivering submissions to the case system, over https, with a key of its own',
  async () => {
    const { readConfig } = await import('../../server/config.ts');
    const production = {
      NODE_ENV: 'production',
      TRUST_PROXY: '1',
      ANSWERS_KEYS: `2026-11:${'ab'.repeat(32)}`,
      SESSION_SECRET: 'ef'.repeat(32),
      PUBLIC_URL: 'https://forms.example.gov.uk',
      SMTP_URL: 'smtp://mail.example.gov.uk:587',
      MAIL_FROM: 'no-reply@example.gov.uk',
      DATA_DIR: '/var/lib/asc-forms',
    };
    assert.throws(() => readConfig(production), /WEBHOOK_URL: in production submitted forms must be delivered/);
    assert.throws(
      () => readConfig({ ...production, WEBHOOK_URL: 'http://cases.example.gov.uk/', WEBHOOK_SECRET: 'cd'.repeat(32) }),
      /must use https/,
    );
    assert.throws(
      () =>
        readConfig({
          ...production,
          WEBHOOK_URL: 'https://cases.example.gov.uk/',
          WEBHOOK_SECRET: 'correct horse battery staple',
        }),
      /WEBHOOK_SECRET: it holds spaces, like a passphrase, and a key is written in hex/,
    );
    assert.throws(
      () =>
        readConfig({ ...production, WEBHOOK_URL: 'https://cases.example.gov.uk/', WEBHOOK_SECRET: 'ef'.repeat(32) }),
      /a key of its own/,
    );
    assert.not.throws(() =>
      readConfig({ ...production, WEBHOOK_URL: 'https://cases.example.gov.uk/', WEBHOOK_SECRET: 'cd'.repeat(32) }),
    );
    assert.is(readConfig({}).webhook, undefined, 'a laptop install writes deliveries to files');
    assert.is(readConfig({ TRUST_PROXY: '0' }).answersKeys, undefined, 'a laptop install makes its own key file');
  },
);

config('should refuse a damaged secret key file, saying how to mend it', async () => {
  const { mkdtemp, writeFile, rm } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const { loadSecret } = await import('../../server/services/secret.ts');
  const dir = await mkdtemp(`${tmpdir()}/asc-forms-secret-`);
  try {
    assert.is((await loadSecret(undefined, dir)).length, 32);
    assert.equal(await loadSecret(undefined, dir), await loadSecret(undefined, dir), 'the same key on every start');
    await writeFile(`${dir}/secret.key`, 'ab');
    let message = '';
    await loadSecret(undefined, dir).catch((error: Error) => {
      message = error.message;
    });
    assert.match(message, /damaged.*Delete it/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

config.run();
