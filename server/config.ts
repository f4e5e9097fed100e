/**
 * The server's settings, read once from the environment, with defaults that run on a laptop.
 * The environment is checked whole first (config/env-schema.ts, config/rules.ts): a mistake
 * stops the start with every problem listed at once, in a ConfigError.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CaptchaProvider } from './services/captcha.ts';
import { checkEnv } from './config/check-env.ts';
import { ConfigError } from './config/config-error.ts';

export { ConfigError, type ConfigProblem, exitOnConfigError } from './config/config-error.ts';
import type { LogLevel } from './services/log.ts';

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
  /** The triage team's mailbox, told of each new referral; none when not set. */
  triageTeamEmail?: string;
  /** RETENTION_DAYS: a closed submission's answers and notes are deleted this many days after closing (30 as standard). */
  retentionDays: number;
  sessionSecret?: string;
  /** Keys that seal saved answers, "id:key,…" newest first; DATA_DIR/answers.key when not set. */
  answersKeys?: string;
  /**
   * Where each submission is delivered (the council's case system), signed with the first of
   * `signingKeyFiles` (ES256) when there are any, else with `secret` (HS256, hex); files under
   * dataDir/deliveries when not set.
   */
  webhook?: { url: string; secret?: string; signingKeyFiles: string[] };
  /**
   * How many proxies stand in front of the server (0: none). Only that many entries of
   * X-Forwarded-For, counted from the right, are believed, so a client cannot forge its address.
   */
  proxies: number;
  /** log2 of scrypt's cost: 17 (OWASP) unless a test asks for less. */
  passwordHashCost: number;
  /** Multiplies the rate limits (1 as standard): for many referrers behind one office address. */
  rateLimitScale: number;
  /**
   * How long a process told to stop goes on taking requests, /readyz answering 503, so a load
   * balancer that polls it moves new requests elsewhere before the process stops listening.
   */
  stopDrainMs: number;
  /** The check at form start: altcha (self-hosted proof of work), or off behind the council's own protection. */
  captcha: CaptchaProvider;
  /** LOG_LEVEL: the least severe lines written (info as standard). */
  logLevel: LogLevel;
  /** METRICS_PORT: /metrics on a port of its own, at HOST (for a Prometheus inside the network). */
  metricsPort?: number;
  /** METRICS_TOKEN: /metrics on the main port too, for `Authorization: Bearer <token>`. */
  metricsToken?: string;
}

// Run from the sources (server/config.ts), the project's forms/ and build/; run as the bundle the
// build writes (<build>/server/main.js), that build, and the forms/ folder beside it.
const above = fileURLToPath(new URL('..', import.meta.url));
const defaultDirs = import.meta.url.endsWith('.ts')
  ? { forms: join(above, 'forms'), build: join(above, 'build') }
  : { forms: join(above, '../forms'), build: above };

/** The settings the environment gives; throws a ConfigError listing every problem when any is wrong. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const { values, problems } = checkEnv(env);
  if (problems.length) throw new ConfigError(problems);
  const text = (name: string) => values[name] as string | undefined;
  const webhookUrl = text('WEBHOOK_URL');
  const publicUrl = text('PUBLIC_URL');
  return {
    port: values.PORT as number,
    host: values.HOST as string,
    formsDir: text('FORMS_DIR') ?? defaultDirs.forms,
    buildDir: text('BUILD_DIR') ?? defaultDirs.build,
    frameAncestors: (text('FRAME_ANCESTORS') ?? '').split(/\s+/).filter(Boolean),
    embedOrigins: (text('EMBED_ORIGINS') ?? '').split(/\s+/).filter(Boolean),
    production: values.NODE_ENV === 'production',
    migrateOnStart: values.MIGRATE_ON_START as boolean,
    dataDir: text('DATA_DIR') ?? `${process.cwd()}/data`,
    databaseUrl: text('DATABASE_URL'),
    smtpUrl: text('SMTP_URL'),
    mailFrom: text('MAIL_FROM'),
    triageTeamEmail: text('TRIAGE_TEAM_EMAIL'),
    retentionDays: values.RETENTION_DAYS as number,
    sessionSecret: text('SESSION_SECRET'),
    answersKeys: text('ANSWERS_KEYS'),
    webhook: webhookUrl
      ? {
          url: new URL(webhookUrl).href,
          secret: text('WEBHOOK_SECRET'),
          signingKeyFiles: (text('WEBHOOK_SIGNING_KEYS') ?? '')
            .split(',')
            .map((file) => file.trim())
            .filter(Boolean),
        }
      : undefined,
    proxies: Number(values.TRUST_PROXY),
    publicOrigin: publicUrl ? new URL(publicUrl).origin : undefined,
    passwordHashCost: values.PASSWORD_HASH_COST as number,
    rateLimitScale: values.RATE_LIMIT_SCALE as number,
    stopDrainMs: (values.STOP_DRAIN_SECONDS as number) * 1000,
    captcha: values.CAPTCHA as CaptchaProvider,
    logLevel: values.LOG_LEVEL as LogLevel,
    metricsPort: values.METRICS_PORT as number | undefined,
    metricsToken: text('METRICS_TOKEN'),
  };
}
