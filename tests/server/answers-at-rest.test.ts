/** Answers at rest: sealed with a named key, opened only by that key and only for their own record; keys rotate. */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { CompactEncrypt, compactDecrypt, decodeProtectedHeader } from 'jose';
import { createAnswersAtRest, loadAnswerKeys, SealedValueError } from '../../server/services/answers-at-rest.ts';

const test = suite('Answers at rest');
const hexKey = () => randomBytes(32).toString('hex');
const answers = { personFullName: 'Pat Jones', sensoryLoss: ['sight-loss'] };

test('should seal with dir + A256GCM under the current key, and open again', async () => {
  const sealer = createAnswersAtRest(await loadAnswerKeys(`2026-11:${hexKey()}`, '/nonexistent'));
  const sealed = await sealer.seal('draft:1', answers);
  assert.not.match(sealed, /Pat/);
  assert.equal(decodeProtectedHeader(sealed), { alg: 'dir', enc: 'A256GCM', kid: '2026-11', rec: 'draft:1' });
  assert.equal(await sealer.open('draft:1', sealed), answers);
});

test('should open values jose sealed (as stored before), and seal values jose opens', async () => {
  const key = randomBytes(32);
  const sealer = createAnswersAtRest(await loadAnswerKeys(`2026-11:${key.toString('hex')}`, '/nonexistent'));
  const byJose = await new CompactEncrypt(new TextEncoder().encode(JSON.stringify(answers)))
    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM', kid: '2026-11', rec: 'submission:1' })
    .encrypt(new Uint8Array(key));
  assert.equal(await sealer.open('submission:1', byJose), answers);
  const { plaintext, protectedHeader } = await compactDecrypt(await sealer.seal('draft:1', answers), key);
  assert.equal(JSON.parse(new TextDecoder().decode(plaintext)), answers);
  assert.equal(protectedHeader, { alg: 'dir', enc: 'A256GCM', kid: '2026-11', rec: 'draft:1' });
});

test('should refuse a value that is not sealed as this server seals (another algorithm, compressed, truncated)', async () => {
  const key = randomBytes(32);
  const sealer = createAnswersAtRest(await loadAnswerKeys(`k1:${key.toString('hex')}`, '/nonexistent'));
  const zipped = await new CompactEncrypt(new TextEncoder().encode('{}'))
    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM', kid: 'k1', rec: 'draft:1', crit: ['x'], x: 1 } as never)
    .encrypt(new Uint8Array(key))
    .catch(() => null);
  const sealed = await sealer.seal('draft:1', answers);
  const parts = sealed.split('.');
  for (const value of [
    parts.slice(0, 4).join('.'),
    [parts[0], 'AAAA', ...parts.slice(2)].join('.'),
    [parts[0], '', parts[2], parts[3], parts[4]!.slice(0, 8)].join('.'),
    'not sealed at all',
    ...(zipped ? [zipped] : []),
  ]) {
    try {
      await sealer.open('draft:1', value);
      assert.unreachable(`opened ${value.slice(0, 20)}`);
    } catch (error) {
      assert.instance(error, SealedValueError);
    }
  }
});

test('should refuse to open a value moved to another record', async () => {
  const sealer = createAnswersAtRest(await loadAnswerKeys(`k1:${hexKey()}`, '/nonexistent'));
  const sealed = await sealer.seal('draft:mine', answers);
  try {
    await sealer.open('draft:theirs', sealed);
    assert.unreachable('opened');
  } catch (error) {
    assert.instance(error, SealedValueError);
    assert.match((error as Error).message, /belongs to another record/);
  }
});

test('should refuse a value whose header was rewritten to name another record', async () => {
  const sealer = createAnswersAtRest(await loadAnswerKeys(`k1:${hexKey()}`, '/nonexistent'));
  const [header, ...rest] = (await sealer.seal('draft:mine', answers)).split('.');
  const forged = { ...JSON.parse(Buffer.from(header!, 'base64url').toString()), rec: 'draft:theirs' };
  const moved = [Buffer.from(JSON.stringify(forged)).toString('base64url'), ...rest].join('.');
  try {
    await sealer.open('draft:theirs', moved);
    assert.unreachable('opened');
  } catch (error) {
    assert.instance(error, SealedValueError);
    assert.match((error as Error).message, /does not open/, 'the header is part of what the key seals');
  }
});

test('should refuse a value changed by even one character', async () => {
  const sealer = createAnswersAtRest(await loadAnswerKeys(`k1:${hexKey()}`, '/nonexistent'));
  const sealed = await sealer.seal('draft:1', answers);
  const parts = sealed.split('.');
  parts[3] = `${parts[3]![0] === 'A' ? 'B' : 'A'}${parts[3]!.slice(1)}`;
  try {
    await sealer.open('draft:1', parts.join('.'));
    assert.unreachable('opened');
  } catch (error) {
    assert.instance(error, SealedValueError);
  }
});

test('should rotate keys: new values under the first key, old ones still open with theirs', async () => {
  const [oldKey, newKey] = [hexKey(), hexKey()];
  const before = createAnswersAtRest(await loadAnswerKeys(`2026-05:${oldKey}`, '/nonexistent'));
  const oldValue = await before.seal('draft:1', answers);
  const after = createAnswersAtRest(await loadAnswerKeys(`2026-11:${newKey}, 2026-05:${oldKey}`, '/nonexistent'));
  assert.is(after.keyId, '2026-11');
  assert.equal(await after.open('draft:1', oldValue), answers);
  assert.is(decodeProtectedHeader(await after.seal('draft:2', answers)).kid, '2026-11');
  const withoutOld = createAnswersAtRest(await loadAnswerKeys(`2026-11:${newKey}`, '/nonexistent'));
  try {
    await withoutOld.open('draft:1', oldValue);
    assert.unreachable('opened');
  } catch (error) {
    assert.match((error as Error).message, /key "2026-05", which this server does not have: add it to ANSWERS_KEYS/);
  }
});

test('should say what is wrong with ANSWERS_KEYS', async () => {
  const problems: Array<[string, RegExp]> = [
    [hexKey(), /each key named, newest first/],
    [`a:${randomBytes(16).toString('hex')}`, /"a" in ANSWERS_KEYS must be at least 32 bytes/],
    [`a:${randomBytes(40).toString('hex')}`, /exactly 32 bytes/],
    [`a:${hexKey()},a:${hexKey()}`, /names a key twice/],
  ];
  for (const [setting, message] of problems) {
    try {
      await loadAnswerKeys(setting, '/nonexistent');
      assert.unreachable(setting);
    } catch (error) {
      assert.match((error as Error).message, message);
    }
  }
});

test('should make a key file once when no keys are set, readable by the server alone', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'asc-forms-keys-'));
  try {
    const first = await loadAnswerKeys(undefined, dataDir);
    const second = await loadAnswerKeys(undefined, dataDir);
    assert.is(first.current.id, second.current.id);
    assert.equal([...first.current.key], [...second.current.key]);
    assert.is((await stat(join(dataDir, 'answers.key'))).mode & 0o777, 0o600);
    const sealed = await createAnswersAtRest(first).seal('draft:1', answers);
    assert.equal(
      await createAnswersAtRest(second).open('draft:1', sealed),
      answers,
      'a restart reads what was saved before it',
    );
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});

test('should let the log keep why a value would not open (it names keys and records, nothing personal), unlike other errors', async () => {
  const { loggable } = await import('../../server/services/log.ts');
  const sealer = createAnswersAtRest(await loadAnswerKeys(`k1:${hexKey()}`, '/nonexistent'));
  const error = await sealer.open('draft:1', 'not.a.jwe.at.all').catch((caught: unknown) => caught);
  assert.match(loggable(error), /^SealedValueError \(sealed-value\): The saved value of draft:1 /);
  assert.not.match(loggable(new Error('insert into users values (pat@example.org)')), /pat@example/);
});

test.run();
