/**
 * The key pairs deliveries to the case system are signed with (ES256, P-256), from the PEM files
 * WEBHOOK_SIGNING_KEYS names, newest first: the first signs, and every one's public key is
 * published at /.well-known/jwks.json, each with its key id (its RFC 7638 thumbprint). The case
 * system checks signatures with the published keys and needs no secret of ours; to rotate, put a
 * new key first, and drop the old one once the case system has had time to fetch the new list.
 */
import { readFile } from 'node:fs/promises';
import { calculateJwkThumbprint, exportJWK, importPKCS8, type JWK } from 'jose';
import { ConfigError } from '../config/config-error.ts';

export interface DeliveryKeys {
  /** The key new deliveries are signed with, and its id. */
  signing: { kid: string; key: CryptoKey };
  /** Every public key, as the JWKS publishes them. */
  jwks: { keys: JWK[] };
}

const MAKE_ONE = 'make one with `openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out delivery-key.pem`';

async function loadOne(file: string): Promise<{ kid: string; key: CryptoKey; publicJwk: JWK }> {
  const refuse = (why: string): never => {
    throw new ConfigError([{ variable: 'WEBHOOK_SIGNING_KEYS', message: `${file} ${why}` }]);
  };
  const pem = await readFile(file, 'utf8').catch(() =>
    refuse(`cannot be read: check the path and that the portal's user may read it, or ${MAKE_ONE}`),
  );
  const key = await importPKCS8(pem.trim(), 'ES256', { extractable: true }).catch(() =>
    refuse(`is not a P-256 private key in PEM (PKCS #8, "-----BEGIN PRIVATE KEY-----"); ${MAKE_ONE}`),
  );
  const { kty, crv, x, y } = await exportJWK(key);
  const publicJwk: JWK = { kty, crv, x, y };
  const kid = await calculateJwkThumbprint(publicJwk);
  return { kid, key: key as CryptoKey, publicJwk: { ...publicJwk, kid, alg: 'ES256', use: 'sig' } };
}

/** The keys of these files (newest first); undefined when none are set. */
export async function loadDeliveryKeys(files: readonly string[] | undefined): Promise<DeliveryKeys | undefined> {
  if (!files?.length) return undefined;
  const loaded = [];
  for (const file of files) loaded.push(await loadOne(file));
  return {
    signing: { kid: loaded[0]!.kid, key: loaded[0]!.key },
    jwks: { keys: loaded.map((one) => one.publicJwk) },
  };
}
