/**
 * The emails the portal sends, each with a plain-text and an HTML part, in the council's name.
 * The HTML is simple and semantic (a heading, paragraphs, the code in large type), so it reads
 * well in any mail program and with a screen reader.
 */
import type { MailMessage } from './mailer.ts';
import { formatCode } from './email-codes.ts';
import { durationInWords } from '../../engine/index.ts';

export interface MailBrand {
  serviceName: string;
  councilName: string;
  phone: string;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function message(brand: MailBrand, to: string, subject: string, paragraphs: string[], rawCode?: string): MailMessage {
  const code = rawCode ? formatCode(rawCode) : undefined;
  const footer = `${brand.serviceName}, ${brand.councilName}. If you did not ask for this email, you can ignore it. Questions: call ${brand.phone}.`;
  const text = [...paragraphs.flatMap((p) => (p === '{code}' ? [`    ${code}`] : [p])), '', footer].join('\n\n');
  const html = `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family: Arial, sans-serif; font-size: 19px; line-height: 1.4; color: #0b0c0c; max-width: 36em;">
<h1 style="font-size: 28px;">${escapeHtml(subject)}</h1>
${paragraphs
  .map((p) =>
    p === '{code}'
      ? `<p style="font-size: 36px; font-weight: bold; letter-spacing: 4px;" aria-label="Your code: ${escapeHtml(code!.split('').join(' '))}">${escapeHtml(code!)}</p>`
      : `<p>${escapeHtml(p)}</p>`,
  )
  .join('\n')}
<p style="font-size: 16px; color: #505a5f;">${escapeHtml(footer)}</p>
</body></html>`;
  return { to, subject, text, html };
}

/** An email carrying a code, which says how long the code lasts. */
export type CodeEmail = (
  brand: MailBrand,
  to: string,
  forename: string,
  code: string,
  lifetimeMs: number,
) => MailMessage;

/** The one shape of every code email: what the code is for, the code, how long it lasts, what if it was not them. */
const codeEmail =
  (subject: (brand: MailBrand) => string, purpose: string, otherwise: string): CodeEmail =>
  (brand, to, forename, code, lifetimeMs) =>
    message(
      brand,
      to,
      subject(brand),
      [
        `Hello ${forename},`,
        `Enter this code to ${purpose}:`,
        '{code}',
        `The code expires in ${durationInWords(lifetimeMs)}. ${otherwise}`,
      ],
      code,
    );

export const mailTemplates = {
  registrationCode: codeEmail(
    (brand) => `Your verification code for ${brand.serviceName}`,
    'finish registering your account',
    'If it expires, ask for a new one on the registration page.',
  ),
  signInCode: codeEmail(
    (brand) => `Your sign-in code for ${brand.serviceName}`,
    'finish signing in',
    'If you did not just try to sign in, someone may know your password: change it.',
  ),
  resetCode: codeEmail(
    (brand) => `Reset your password for ${brand.serviceName}`,
    'choose a new password',
    'If you did not ask to reset your password, you can ignore this email: your password has not changed.',
  ),
  alreadyRegistered: (brand: MailBrand, to: string) =>
    message(brand, to, `You already have an account with ${brand.serviceName}`, [
      'Someone tried to register a new account with this email address, but you already have one.',
      'If it was you, sign in instead. If you have forgotten your password, choose "Forgotten password?" on the sign-in page.',
    ]),
  /**
   * No answer is in it but whom the form is about, as far as the council allows: email is not a
   * safe place for what the form holds, and the person can open the form again in their account.
   */
  submitted: (
    brand: MailBrand,
    {
      to,
      forename,
      formTitle,
      reference,
      when,
      about,
    }: {
      to: string;
      forename: string;
      formTitle: string;
      reference: string;
      when: string;
      /** Whom the form is about, as far as the council lets the email say (portal.json's confirmationEmail). */
      about?: { name: string } | { initials: string };
    },
  ) =>
    message(brand, to, `Your referral has been sent to ${brand.councilName}: ${reference}`, [
      `Hello ${forename},`,
      `${brand.councilName} has received your form, ‘${formTitle}’, ${
        about ? `about ${'name' in about ? about.name : `the person with the initials ${about.initials}`}, ` : ''
      }sent on ${when}.`,
      `Your reference number is ${reference}. Quote it if you contact us about this referral.`,
      'You can see the forms you sent in the last 30 days in your account, under "Forms submitted in the last 30 days".',
      `If the person is at risk of harm now, do not wait for us to contact you: call ${brand.phone}, or 999 in an emergency.`,
    ]),
  /**
   * The council has moved a referral on, or asked the referrer something. No personal data, not
   * even the question: only the reference and where to sign in to read it.
   */
  referralUpdated: (
    brand: MailBrand,
    { to, reference, signInUrl, question }: { to: string; reference: string; signInUrl: string; question: boolean },
  ) =>
    message(
      brand,
      to,
      question
        ? `${brand.councilName} needs more information about referral ${reference}`
        : `Your referral ${reference} has been updated`,
      [
        question
          ? `${brand.councilName} has a question about your referral ${reference}.`
          : `There is news about your referral ${reference}.`,
        `Sign in to read it: ${signInUrl}`,
        'It is in your account, under "Forms submitted in the last 30 days".',
      ],
    ),
  /**
   * A new referral, to the triage team's mailbox. No personal data (email is less safe than the
   * portal): the reference, the form, whether it is urgent and its next deadline, and where to open it.
   */
  newReferral: (
    brand: MailBrand,
    {
      to,
      reference,
      formTitle,
      urgent,
      deadline,
      link,
    }: { to: string; reference: string; formTitle: string; urgent: boolean; deadline?: string; link: string },
  ) =>
    message(brand, to, `${urgent ? 'Urgent: ' : ''}New referral ${reference}: ${formTitle}`, [
      `A referral has arrived: ${reference}, ‘${formTitle}’.`,
      urgent ? 'It is urgent by the triage rules.' : 'It is not marked urgent.',
      ...(deadline ? [`Next deadline: ${deadline}.`] : []),
      `Open it on the staff pages (you will be asked to sign in): ${link}`,
    ]),
  /** To whoever has the referral: the referrer answered the team's question. The answer is only on the staff pages. */
  answerReceived: (
    brand: MailBrand,
    { to, reference, formTitle, link }: { to: string; reference: string; formTitle: string; link: string },
  ) =>
    message(brand, to, `Answer received on referral ${reference}`, [
      `The referrer has answered the question asked on referral ${reference}, ‘${formTitle}’. It is back in screening.`,
      `Read the answer on the staff pages (you will be asked to sign in): ${link}`,
    ]),
  passwordChanged: (brand: MailBrand, to: string, forename: string) =>
    message(brand, to, `Your password for ${brand.serviceName} has changed`, [
      `Hello ${forename},`,
      'The password of your account has just changed, and you have been signed out everywhere else.',
      `If you did not change it, call ${brand.phone} straight away.`,
    ]),
};
