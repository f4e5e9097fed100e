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
  close(): void;
}

export interface MailerOptions {
  smtpUrl?: string;
  dataDir: string;
  /** "Sefton Adult Social Care <no-reply@…>" */
  from: string;
  log: Logger;
}

export function createMailer({ smtpUrl, dataDir, from, log }: MailerOptions): Mailer {
  if (smtpUrl) {
    // Each send gives up within about two minutes (unless SMTP_URL says otherwise), far inside the
    // outbox's claim on a message. nodemailer reads its options from the address's query.
    const url = new URL(smtpUrl);
    for (const [option, ms] of [
      ['connectionTimeout', 30_000],
      ['greetingTimeout', 30_000],
      ['socketTimeout', 60_000],
    ] as const) {
      if (!url.searchParams.has(option)) url.searchParams.set(option, String(ms));
    }
    const transport: Transporter = nodemailer.createTransport(url.href);
    return {
      async send(message) {
        await transport.sendMail({ from, ...message });
      },
      close: () => transport.close(),
    };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  const folder = join(dataDir, 'mail');
  let sequence = 0;
  return {
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
