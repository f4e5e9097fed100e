/** The server's settings, read once from the environment, with defaults that run on a laptop. */
import { fileURLToPath } from 'node:url';
import type { CaptchaProvider } from './services/captcha.ts';
import { LOG_LEVELS, type LogLevel } from './services/log.ts';

export interface ServerConfig {
  port: number;
  host: string;
  /** Where forms/<id>/v<N>.json and portal.json live. */
  formsDir: string;
  /** The build's output: public/ (served) and manifest.json. */
  buildDir: string;
  /** Sites allowed to show the portal or its components in a frame (CSP frame-ancestors). */
  frameAncestors: string[];
  /** Sites whose pages may embed the components (CORS on the components, forms and portal content). */
  embedOrigins: string[];
  /** The portal's address as people reach it (PUBLIC_URL's origin): writes are taken from pages there only. */
  publicOrigin?: string;
  /** Production turns on HSTS and secure cookies. */
  production: boolean;
  /** Whether the server brings the database up to date as it starts (MIGRATE_ON_START, true unless "false": a deployment may run npm run db:migrate first). */
  migrateOnStart: boolean;
  /** SQLite's file, the mail folder and the secret key live here. */
  dataDir: string;
  /** postgres://… ; SQLite under dataDir when not set. */
  databaseUrl?: string;
  /** smtp://… ; mail is written to dataDir/mail when not set. */
  smtpUrl?: string;
  mailFrom?: string;
  sessionSecret?: string;
  /** Keys that seal saved answers, "id:key,…" newest first; DATA_DIR/answers.key when not set. */
  answersKeys?: string;
  /** Where each submission is delivered (the council's case system), signed with `secret` (hex); files under dataDir/deliveries when not set. */
  webhook?: { url: string; secret: string };
  /**
   * How many proxies stand in front of the server (0: none). Only that many entries of
   * X-Forwarded-For, counted from the right, are believed, so a client cannot forge its address.
   */
  proxies: number;
  /** log2 of scrypt's cost: 17 (OWASP) unless a test asks for less. */
  passwordHashCost: number;
  /** Multiplies the rate limits (1 as standard): for many referrers behind one office address. */
  rateLimitScale: number;
  /** The check at form start: altcha (self-hosted proof of work), or off behind the council's own protection. */
  captcha: CaptchaProvider;
  /** LOG_LEVEL: the least severe lines written (info as standard). */
  logLevel: LogLevel;
  /** METRICS_PORT: /metrics on a port of its own, at HOST (for a Prometheus inside the network). */
  metricsPort?: number;
  /** METRICS_TOKEN: /metrics on the main port too, for `Authorization: Bearer <token>`. */
  metricsToken?: string;
}

const CAPTCHA_PROVIDERS: readonly CaptchaProvider[] = ['altcha', 'off'];

const root = fileURLToPath(new URL('..', import.meta.url));

function proxiesOf(env: NodeJS.ProcessEnv): number {
  const value = env.TRUST_PROXY ?? '0';
  const proxies = value === 'true' ? 1 : value === 'false' ? 0 : Number(value);
  if (!Number.isInteger(proxies) || proxies < 0)
    throw new Error(`TRUST_PROXY must be the number of proxies in front of the portal (0, 1, 2…), not "${value}".`);
  // Secure cookies need HTTPS, which in production a proxy in front provides.
  if (env.NODE_ENV === 'production' && proxies === 0) {
    throw new Error(
      'In production the portal runs behind an HTTPS proxy: set TRUST_PROXY to the number of proxies in front of it (usually 1).',
    );
  }
  return proxies;
}

// A key file beside the database would travel in every backup of it, and open what it protects.
function answersKeysOf(env: NodeJS.ProcessEnv): string | undefined {
  if (env.NODE_ENV === 'production' && !env.ANSWERS_KEYS) {
    throw new Error(
      'In production, set ANSWERS_KEYS (the keys that encrypt saved answers, kept apart from the database): make one with `echo "$(date +%Y-%m):$(openssl rand -hex 32)"`.',
    );
  }
  return env.ANSWERS_KEYS || undefined;
}

// Without WEBHOOK_URL a laptop writes each delivery to a file; a council's portal must deliver
// them, or referrals would be acknowledged and reach nobody.
function webhookOf(env: NodeJS.ProcessEnv): ServerConfig['webhook'] {
  if (!env.WEBHOOK_URL) {
    if (env.NODE_ENV === 'production')
      throw new Error(
        "In production, set WEBHOOK_URL (the council's case system, which receives each submitted form) and WEBHOOK_SECRET.",
      );
    return undefined;
  }
  let url: URL;
  try {
    url = new URL(env.WEBHOOK_URL);
  } catch {
    throw new Error('WEBHOOK_URL must be a web address, like https://cases.example.gov.uk/referrals.');
  }
  if (env.NODE_ENV === 'production' && url.protocol !== 'https:')
    throw new Error('In production, WEBHOOK_URL must use https: submissions hold personal data.');
  const secret = env.WEBHOOK_SECRET ?? '';
  if (!/^([0-9a-f]{2}){32,}$/i.test(secret))
    throw new Error(
      'WEBHOOK_SECRET must be at least 32 bytes written in hex (the HMAC key the case system checks signatures with): make one with `openssl rand -hex 32`.',
    );
  if (secret === env.SESSION_SECRET || (env.ANSWERS_KEYS ?? '').includes(secret))
    throw new Error(
      'WEBHOOK_SECRET must be a key of its own, not SESSION_SECRET or one of ANSWERS_KEYS: the case system holds it.',
    );
  return { url: url.href, secret };
}

// Writes are taken only from pages at this origin; on a laptop, from its loopback address.
function publicOriginOf(env: NodeJS.ProcessEnv): string | undefined {
  const fix = "set PUBLIC_URL to the portal's address as people reach it, like https://forms.example.gov.uk";
  if (!env.PUBLIC_URL) {
    if (env.NODE_ENV === 'production') throw new Error(`In production, ${fix}.`);
    return undefined;
  }
  const url = URL.canParse(env.PUBLIC_URL) ? new URL(env.PUBLIC_URL) : null;
  if (!url || !['http:', 'https:'].includes(url.protocol)) throw new Error(`PUBLIC_URL is not a web address: ${fix}.`);
  return url.origin;
}

function metricsOf(env: NodeJS.ProcessEnv): Pick<ServerConfig, 'metricsPort' | 'metricsToken'> {
  const metricsPort = env.METRICS_PORT ? Number(env.METRICS_PORT) : undefined;
  if (metricsPort !== undefined && (!Number.isInteger(metricsPort) || metricsPort < 0 || metricsPort > 65535))
    throw new Error(`METRICS_PORT must be a port number (0 to 65535), not "${env.METRICS_PORT}".`);
  if (metricsPort && metricsPort === Number(env.PORT ?? 3000))
    throw new Error('METRICS_PORT must differ from PORT: the metrics listen on a port of their own.');
  const metricsToken = env.METRICS_TOKEN || undefined;
  if (metricsToken !== undefined && !/^[\x21-\x7e]{32,}$/.test(metricsToken))
    throw new Error(
      'METRICS_TOKEN must be at least 32 characters, with no spaces (Prometheus sends it as a bearer token): make one with `openssl rand -hex 32`.',
    );
  return { metricsPort, metricsToken };
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number (0 to 65535), not "${env.PORT}".`);
  const captcha = (env.CAPTCHA || 'altcha') as CaptchaProvider;
  if (!CAPTCHA_PROVIDERS.includes(captcha))
    throw new Error(`CAPTCHA must be ${CAPTCHA_PROVIDERS.join(' or ')}, not "${env.CAPTCHA}".`);
  const logLevel = (env.LOG_LEVEL || 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel))
    throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, not "${env.LOG_LEVEL}".`);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    formsDir: env.FORMS_DIR ?? `${root}forms`,
    buildDir: env.BUILD_DIR ?? `${root}build`,
    frameAncestors: (env.FRAME_ANCESTORS ?? '').split(/\s+/).filter(Boolean),
    embedOrigins: (env.EMBED_ORIGINS ?? '').split(/\s+/).filter(Boolean),
    production: env.NODE_ENV === 'production',
    migrateOnStart: env.MIGRATE_ON_START !== 'false',
    dataDir: env.DATA_DIR ?? `${process.cwd()}/data`,
    databaseUrl: env.DATABASE_URL || undefined,
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM || undefined,
    sessionSecret: env.SESSION_SECRET || undefined,
    answersKeys: answersKeysOf(env),
    webhook: webhookOf(env),
    proxies: proxiesOf(env),
    publicOrigin: publicOriginOf(env),
    passwordHashCost: Number(env.PASSWORD_HASH_COST ?? 17),
    rateLimitScale: Math.max(1, Number(env.RATE_LIMIT_SCALE ?? 1) || 1),
    captcha,
    logLevel,
    ...metricsOf(env),
  };
}
