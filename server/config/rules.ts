/**
 * The rules between variables, checked together with the schema: what production requires (a
 * proxy for HTTPS, keys kept apart from the database and shared by every process, delivery to the
 * case system over https, the public address) and keys that must not be shared.
 */
import { isAbsolute } from 'node:path';
import type { ConfigProblem } from './config-error.ts';

type Values = Record<string, unknown>;

/**
 * `values` are the variables as the schema read them; `refused` names those it found wrong, whose
 * rules are not checked again. `production` is also true for a NODE_ENV meant as production but
 * miswritten (Production, prod), so its requirements are reported in the same list.
 */
export function ruleProblems(values: Values, refused: ReadonlySet<string>, production: boolean): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const add = (variable: string, message: string) => {
    if (!refused.has(variable)) problems.push({ variable, message });
  };
  const unset = (variable: string) => values[variable] === undefined && !refused.has(variable);

  if (production) {
    // Secure cookies need HTTPS, which in production a proxy in front provides.
    if (!refused.has('TRUST_PROXY') && !Number(values.TRUST_PROXY))
      add(
        'TRUST_PROXY',
        'in production the portal runs behind an HTTPS proxy; set TRUST_PROXY to the number of proxies in front of it (usually 1)',
      );
    // A key file beside the database would travel in every backup of it, and open what it protects.
    if (unset('ANSWERS_KEYS'))
      add(
        'ANSWERS_KEYS',
        'in production the keys that encrypt saved answers must be set, kept apart from the database; set ANSWERS_KEYS to one made with `echo "$(date +%Y-%m):$(openssl rand -hex 32)"`',
      );
    // Each process would make a key of its own, and a session begun on one would fail on the next.
    if (unset('SESSION_SECRET'))
      add(
        'SESSION_SECRET',
        'in production every process must share one key for sessions; set SESSION_SECRET to one made with `openssl rand -hex 32`, the same for every process',
      );
    // Without it, referrals would be acknowledged and reach nobody.
    if (unset('WEBHOOK_URL'))
      add(
        'WEBHOOK_URL',
        "in production submitted forms must be delivered; set WEBHOOK_URL to the council's case system, which receives each one, and WEBHOOK_SECRET",
      );
    else if (typeof values.WEBHOOK_URL === 'string' && !values.WEBHOOK_URL.startsWith('https:'))
      add('WEBHOOK_URL', 'in production it must use https, as submissions hold personal data; write https://…');
    // Without a mail server, codes would be written to files nobody reads, and nobody could register or sign in.
    if (unset('SMTP_URL'))
      add(
        'SMTP_URL',
        "in production the portal's emails (codes, confirmations) must be sent; set SMTP_URL to the council's mail server, like smtp://user:password@mail.example.gov.uk:587",
      );
    // A sender at localhost is refused by mail servers and spam filters.
    if (unset('MAIL_FROM'))
      add(
        'MAIL_FROM',
        'in production the emails need a sender at the council that mail servers accept; set MAIL_FROM, like "Sefton Adult Social Care" <no-reply@sefton.gov.uk>',
      );
    // The default folder is the working directory's data/, which a service manager may put anywhere (even /).
    if (unset('DATABASE_URL') && unset('DATA_DIR'))
      add(
        'DATA_DIR',
        'in production the folder the database (SQLite) and the keys live in must be named; set DATA_DIR to an absolute path, like /var/lib/asc-forms, or set DATABASE_URL',
      );
    if (unset('PUBLIC_URL'))
      add(
        'PUBLIC_URL',
        "in production the portal's address must be set, as changes are taken only from pages there; set PUBLIC_URL to it, like https://forms.example.gov.uk",
      );
    else if (typeof values.PUBLIC_URL === 'string' && !values.PUBLIC_URL.startsWith('https:'))
      add(
        'PUBLIC_URL',
        'in production people reach the portal over https, and pages at an http:// address would have every change refused; write https://…',
      );
  }
  // A page at an http:// address could be anyone's on the way (a café's network): in production
  // only https pages may use the referrer's API with their session.
  if (production && typeof values.EMBED_ORIGINS === 'string') {
    const plain = values.EMBED_ORIGINS.split(/\s+/).filter((origin) => origin.startsWith('http:'));
    if (plain.length)
      add(
        'EMBED_ORIGINS',
        `in production the pages that embed a form use the referrer's session, so they must be https; write ${plain.map((origin) => origin.replace(/^http:/, 'https:')).join(' ')}`,
      );
  }
  // The portal is served from the root of its address: a path would be dropped without a word.
  if (typeof values.PUBLIC_URL === 'string' && URL.canParse(values.PUBLIC_URL)) {
    const url = new URL(values.PUBLIC_URL);
    if (url.pathname !== '/' || url.search || url.hash)
      add('PUBLIC_URL', `the portal is served at the root of its address; write ${url.origin}, with no path`);
  }
  if (production && typeof values.DATA_DIR === 'string' && !isAbsolute(values.DATA_DIR))
    add(
      'DATA_DIR',
      'it is relative, and would move with the working directory; write an absolute path, like /var/lib/asc-forms',
    );
  if (values.WEBHOOK_URL !== undefined && unset('WEBHOOK_SECRET') && unset('WEBHOOK_SIGNING_KEYS'))
    add(
      'WEBHOOK_SECRET',
      'it or WEBHOOK_SIGNING_KEYS is needed with WEBHOOK_URL to sign each delivery; make one with `openssl rand -hex 32`, or set WEBHOOK_SIGNING_KEYS to sign with a key pair the case system checks at /.well-known/jwks.json',
    );
  if (typeof values.WEBHOOK_SIGNING_KEYS === 'string' && !values.WEBHOOK_SIGNING_KEYS.replace(/[\s,]/g, ''))
    add(
      'WEBHOOK_SIGNING_KEYS',
      'it names no file; write the paths of the PEM key files, newest first, separated by commas, or leave it unset',
    );
  const secret = values.WEBHOOK_SECRET;
  if (typeof secret === 'string') {
    const others = [values.SESSION_SECRET, ...String(values.ANSWERS_KEYS ?? '').split(/[,:]/)].map((other) =>
      String(other ?? '').trim(),
    );
    if (others.some((other) => other.toLowerCase() === secret.toLowerCase()))
      add(
        'WEBHOOK_SECRET',
        'it is also SESSION_SECRET or one of ANSWERS_KEYS, and the case system holds it; make a key of its own with `openssl rand -hex 32`',
      );
  }
  // 0 asks for any free port, a different one each time.
  if (values.METRICS_PORT !== undefined && values.METRICS_PORT !== 0 && values.METRICS_PORT === values.PORT)
    add(
      'METRICS_PORT',
      'it is the same as PORT; write another port, like 9464, or leave it unset to use METRICS_TOKEN',
    );
  return problems;
}
