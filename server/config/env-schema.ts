/**
 * Every environment variable the portal reads, as a JSON Schema over the environment: its type
 * and form, its default (applied as it is read) and, for each, `fix`: what to do when it is
 * wrong, printed after what is wrong. `writeOnly` marks secrets, whose values are never printed.
 * The README's table of variables lists the same names (a test holds the two together).
 */

/** One variable: JSON Schema, plus how to fix a wrong value. */
export interface VariableSchema {
  description: string;
  fix: string;
  /** What a right value is, for the message when a standard keyword refuses it ("… is not <expected>"). */
  expected?: string;
  writeOnly?: boolean;
  [keyword: string]: unknown;
}

const port = { type: 'integer', minimum: 0, maximum: 65535, expected: 'a port number (0 to 65535)' };
const folder = { type: 'string', fix: 'write the path of a folder' };
const key = (what: string): VariableSchema => ({
  description: what,
  type: 'string',
  key: 'hex-or-base64',
  writeOnly: true,
  fix: 'make one with `openssl rand -hex 32`',
});

export const envSchema = {
  type: 'object',
  properties: {
    NODE_ENV: {
      description: 'production turns on HSTS, secure cookies and the settings production requires',
      enum: ['production', 'development', 'test'],
      fix: 'write production, development or test in lower case, or leave it unset',
    },
    PORT: { description: 'the port to listen on', ...port, default: 3000, fix: 'write a port number, like 3000' },
    HOST: {
      description: 'the address to listen on',
      type: 'string',
      default: '0.0.0.0',
      fix: 'write an address, like 0.0.0.0',
    },
    DATA_DIR: { description: 'the SQLite database, the mail folder and the keys', ...folder },
    FORMS_DIR: { description: 'where the definitions are', ...folder },
    BUILD_DIR: { description: 'where the build is', ...folder },
    DATABASE_URL: {
      description: 'postgres://… to use PostgreSQL instead of SQLite',
      type: 'string',
      url: ['postgres', 'postgresql'],
      fix: 'write it as postgres://user:password@host:5432/database',
    },
    MIGRATE_ON_START: {
      description: 'false when a deployment step runs npm run db:migrate first',
      type: 'boolean',
      default: true,
      expected: 'true or false',
      fix: 'write true or false',
    },
    STOP_DRAIN_SECONDS: {
      description: 'seconds a stopping process goes on taking requests, with /readyz at 503, before it stops listening',
      type: 'integer',
      minimum: 0,
      maximum: 60,
      default: 0,
      expected: 'a whole number of seconds from 0 to 60',
      fix: "write a little more than the load balancer's health-check interval, like 5, or 0 to stop listening at once",
    },
    SMTP_URL: {
      description: 'smtp://… to send email',
      type: 'string',
      url: ['smtp', 'smtps'],
      fix: 'write it as smtp://user:password@host:587 (smtps:// for TLS from the start, usually port 465)',
    },
    MAIL_FROM: {
      description: "the sender of the portal's emails",
      type: 'string',
      pattern: '@',
      expected: 'an email address',
      fix: 'write an address, like "Sefton adult social care" <no-reply@sefton.gov.uk>',
    },
    TRIAGE_TEAM_EMAIL: {
      description: "the triage team's mailbox, told of each new referral (no personal data in it)",
      type: 'string',
      pattern: '^[^@\\s<>,]+@[^@\\s<>,]+\\.[^@\\s<>,]+$',
      expected: 'one email address',
      fix: 'write the team mailbox, like adult.social.care@sefton.gov.uk',
    },
    RETENTION_DAYS: {
      description: "days after a submission is closed that its answers and the triage team's notes are deleted",
      type: 'integer',
      minimum: 1,
      maximum: 36500,
      default: 30,
      expected: 'a whole number of days from 1 to 36500',
      fix: 'write how many days after closing to keep the answers and notes, like 30',
    },
    SESSION_SECRET: key('the key that signs sessions; the same for every server process'),
    ANSWERS_KEYS: {
      description: 'the keys that encrypt saved answers, newest first',
      type: 'string',
      answersKeys: true,
      writeOnly: true,
      fix: 'write each key as name:key, newest first',
    },
    WEBHOOK_URL: {
      description: 'where each submitted form is delivered',
      type: 'string',
      url: ['https', 'http'],
      fix: "write the case system's address, like https://cases.example.gov.uk/referrals",
    },
    WEBHOOK_SECRET: {
      ...key('the key the delivery is signed with'),
      key: 'hex',
      fix: 'make one with `openssl rand -hex 32`: the case system checks signatures with it, in hex',
    },
    WEBHOOK_SIGNING_KEYS: {
      description: 'the key pairs the delivery is signed with (ES256), newest first',
      type: 'string',
      fix: 'write the paths of PEM files of P-256 private keys, newest first, separated by commas; make one with `openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out delivery-key.pem`',
    },
    PUBLIC_URL: {
      description: "the portal's address as people reach it",
      type: 'string',
      url: ['https', 'http'],
      fix: "write the portal's address as people reach it, like https://forms.example.gov.uk",
    },
    TRUST_PROXY: {
      description: 'how many proxies stand in front',
      type: ['integer', 'boolean'],
      minimum: 0,
      maximum: 10,
      default: 0,
      expected: 'a number of proxies',
      fix: 'write the number of proxies in front of the portal (0, 1, 2…)',
    },
    RATE_LIMIT_SCALE: {
      description: 'multiplies the rate limits',
      type: 'number',
      minimum: 1,
      maximum: 1000,
      default: 1,
      expected: 'a number from 1 to 1000',
      fix: 'write how many times the standard limits to allow, like 1 or 5',
    },
    PASSWORD_HASH_COST: {
      description: "log2 of scrypt's cost",
      type: 'integer',
      minimum: 10,
      maximum: 20,
      default: 17,
      expected: 'a whole number from 10 to 20',
      fix: 'leave it unset (17, as OWASP advises) outside tests',
    },
    CAPTCHA: {
      description: 'the check at form start',
      enum: ['altcha', 'off'],
      default: 'altcha',
      fix: 'write altcha or off',
    },
    LOG_LEVEL: {
      description: 'the least important log lines written',
      enum: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'],
      default: 'info',
      fix: 'write fatal, error, warn, info, debug, trace or silent',
    },
    METRICS_PORT: {
      description: 'a port of its own for /metrics',
      ...port,
      expected: 'a port number (0 to 65535; 0 takes any free one)',
      fix: 'write a port number other than PORT, like 9464',
    },
    METRICS_TOKEN: {
      description: 'the bearer token /metrics asks for on the main port',
      type: 'string',
      minLength: 32,
      pattern: '^\\S+$',
      writeOnly: true,
      expected: 'at least 32 characters without spaces',
      fix: 'make one with `openssl rand -hex 32`',
    },
    FRAME_ANCESTORS: {
      description: 'sites allowed to show the portal in a frame',
      type: 'string',
      sites: 'sources',
      fix: 'write the sites separated by spaces, like https://www.sefton.gov.uk',
    },
    EMBED_ORIGINS: {
      description: 'sites whose pages may embed the components',
      type: 'string',
      sites: 'origins',
      fix: 'write the sites separated by spaces, like https://www.sefton.gov.uk',
    },
  } satisfies Record<string, VariableSchema>,
} as const;

export type Variable = keyof typeof envSchema.properties;
