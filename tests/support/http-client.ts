/** A client for the portal's API that keeps its own cookies, like one browser; and registering or signing in with it. */
import { codeIn, type ReceivedMail } from './smtp.ts';

/** `jar` is the cookies to keep: pass another client's to be the same browser at another address (another process of the portal). */
export function client(baseUrl: string, headers: Record<string, string> = {}, jar = new Map<string, string>()) {
  const call = async (method: string, path: string, body?: unknown, extra: Record<string, string> = {}) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
        ...headers,
        ...extra,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const [name, value] = pair!.split('=') as [string, string];
      if (!value) jar.delete(name);
      else jar.set(name, value);
    }
    const text = await response.text();
    return {
      status: response.status,
      body: text ? JSON.parse(text) : null,
      headers: response.headers,
      setCookies: response.headers.getSetCookie(),
    };
  };
  return {
    jar,
    get: (path: string) => call('GET', path),
    post: (path: string, body: unknown = {}, extra?: Record<string, string>) => call('POST', path, body, extra),
    put: (path: string, body: unknown = {}, extra?: Record<string, string>) => call('PUT', path, body, extra),
    delete: (path: string) => call('DELETE', path),
    raw: call,
  };
}

export type Client = ReturnType<typeof client>;

/** The password the API-level tests register with: it meets the council's policy. */
export const TEST_PASSWORD = 'Correct-Horse-Battery-9';

interface Mailbox {
  nextTo(address: string): Promise<ReceivedMail>;
}

/** Registers a new account over the API, with the code from the email; returns the client, signed in. */
export async function registerOverApi(
  baseUrl: string,
  smtp: Mailbox,
  email: string,
  { forename = 'Sam', surname = 'Carter', as = client(baseUrl) } = {},
): Promise<Client> {
  const started = await as.post('/api/account/registrations', {
    forename,
    surname,
    email,
    password: TEST_PASSWORD,
    confirmPassword: TEST_PASSWORD,
  });
  if (started.status !== 202)
    throw new Error(`Registering ${email} failed: ${started.status} ${JSON.stringify(started.body)}`);
  const verified = await as.post('/api/account/registrations/verify', { code: codeIn(await smtp.nextTo(email)) });
  if (verified.status !== 201)
    throw new Error(`Verifying ${email} failed: ${verified.status} ${JSON.stringify(verified.body)}`);
  return as;
}

/**
 * A new referrer, registered over the API, who submits one form with these answers: their client
 * and email, and the submission's id and reference.
 */
export async function referredOverApi(
  baseUrl: string,
  smtp: Mailbox,
  email: string,
  form: { formId: string; formVersion: number; answers: Record<string, unknown> },
): Promise<{ as: Client; email: string; id: string; reference: string }> {
  const as = await registerOverApi(baseUrl, smtp, email);
  const sent = await as.post('/api/submissions', { ...form, idempotencyKey: crypto.randomUUID() });
  if (sent.status !== 201)
    throw new Error(`Submitting as ${email} failed: ${sent.status} ${JSON.stringify(sent.body)}`);
  return { as, email, id: sent.body.submission.id, reference: sent.body.submission.reference };
}

/** Signs an existing account in over the API, password then emailed code; returns the client. */
export async function signInOverApi(
  baseUrl: string,
  smtp: Mailbox,
  email: string,
  { as = client(baseUrl) } = {},
): Promise<Client> {
  const started = await as.post('/api/account/sign-in', { email, password: TEST_PASSWORD });
  if (started.status !== 202)
    throw new Error(`Signing ${email} in failed: ${started.status} ${JSON.stringify(started.body)}`);
  const verified = await as.post('/api/account/sign-in/verify', { code: codeIn(await smtp.nextTo(email)) });
  if (verified.status !== 200)
    throw new Error(`Verifying ${email}'s sign-in failed: ${verified.status} ${JSON.stringify(verified.body)}`);
  return as;
}
