/**
 * Sending email with nodemailer: through SMTP_URL when it is set; otherwise each message is
 * written as an .eml file under DATA_DIR/mail and one line says where, so a person trying the
 * portal can open it and read the code. Neither the code nor the address goes to the log.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Logger } from './log.ts';
import { PRIVATE_FILE, privateFolder } from './private-files.ts';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
  /** How many emails may be on their way at once: the mail server's pooled connections. */
  concurrency: number;
  close(): void;
}

export interface MailerOptions {
  smtpUrl?: string;
  dataDir: string;
  /** "Sefton Adult Social Care <no-reply@…>" */
  from: string;
  log: Logger;
}

/** Why an email did not go, in words with no address or content in them (so the log and the outbox may keep them). */
class MailError extends Error {
  override name = 'MailError';
  readonly safeToLog = true;
}

/** nodemailer's own messages may quote the recipient or the server's answer about them: only the kind of failure is kept. */
function whyNotSent(error: unknown): MailError {
  const { code, responseCode } = error as { code?: unknown; responseCode?: unknown };
  const kind = typeof code === 'string' ? code : error instanceof Error ? error.name : typeof error;
  if (code === 'ETIMEDOUT') return new MailError(`the mail server did not answer in time (${kind})`);
  if (typeof responseCode === 'number') return new MailError(`the mail server answered ${responseCode} (${kind})`);
  if (code === 'ECONNECTION' || code === 'ESOCKET' || code === 'EDNS')
    return new MailError(`the mail server could not be reached (${kind})`);
  return new MailError(`the email could not be sent (${kind})`);
}

/**
 * Every wait on the mail server is bounded (unless SMTP_URL says otherwise): to connect, for its
 * greeting, and for each answer after that. A server that takes the connection and then says
 * nothing fails the send within seconds, to be tried again later, far inside the outbox's claim.
 */
const SMTP_TIMEOUTS = [
  ['connectionTimeout', 10_000],
  ['greetingTimeout', 10_000],
  ['socketTimeout', 30_000],
] as const;

/**
 * Connections to the mail server are kept open and reused (a pool, `pool=true`), a few at once
 * (`maxConnections`), each for many messages: an email then costs one message's exchange, not a
 * connection and a greeting. A message whose connection drops fails at once (`maxRequeues=0`)
 * rather than waiting in the pool to be tried again: the outbox tries it again, with its backoff,
 * and records why. SMTP_URL's own `pool`, `maxConnections` or `maxRequeues` win.
 */
const SMTP_POOL = [
  ['pool', 'true'],
  ['maxConnections', '5'],
  ['maxRequeues', '0'],
] as const;

export function createMailer({ smtpUrl, dataDir, from, log }: MailerOptions): Mailer {
  if (smtpUrl) {
    // nodemailer reads its options from the address's query.
    const url = new URL(smtpUrl);
    for (const [option, ms] of SMTP_TIMEOUTS) {
      if (!url.searchParams.has(option)) url.searchParams.set(option, String(ms));
    }
    for (const [option, value] of SMTP_POOL) if (!url.searchParams.has(option)) url.searchParams.set(option, value);
    const pooled = url.searchParams.get('pool') === 'true';
    const transport: Transporter = nodemailer.createTransport(url.href);
    return {
      concurrency: pooled ? Math.max(1, Number(url.searchParams.get('maxConnections')) || 5) : 5,
      async send(message) {
        try {
          await transport.sendMail({ from, ...message });
        } catch (error) {
          throw whyNotSent(error);
        }
      },
      close: () => transport.close(),
    };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  const folder = join(dataDir, 'mail');
  let sequence = 0;
  return {
    concurrency: 4,
    async send(message) {
      const info = (await transport.sendMail({ from, ...message })) as unknown as { message: Buffer };
      await privateFolder(folder);
      const file = join(folder, `${new Date().toISOString().replace(/[:.]/g, '-')}-${++sequence}.eml`);
      await writeFile(file, info.message, { mode: PRIVATE_FILE });
      log.info(`Email written to ${file}: open it to read it.`);
    },
    close: () => transport.close(),
  };
}
