/**
 * The components' only way to the server: plain HTTP to the portal's API. Everything the
 * browser needs to run a form comes from here: its definition, the portal's notices, and the URL
 * of its precompiled validators.
 */
import { createForm, validatorsFromModule, type Answers, type Form, type FormDefinition, type PortalContent, type RichText, type ContentBlock } from '../engine/runtime.ts';

export interface LoadedForm {
  form: Form;
  notices: { urgent: RichText; safeguarding: RichText };
  accountGate: ContentBlock[];
  council: PortalContent['council'];
}

export interface FormListEntry {
  id: string;
  title: string;
  description?: string;
  version: number;
}

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

/** An address of the portal's API, for a component given `api-base`. */
export function resolve(apiBase: string, path: string): string {
  const base = new URL(apiBase || '/', document.baseURI);
  return new URL(path.replace(/^\//, ''), base.href.endsWith('/') ? base : `${base.href}/`).href;
}

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { headers: { accept: 'application/json' }, credentials: 'same-origin' });
  if (!response.ok) {
    const body = await response.json().catch(() => null) as { error?: { message?: string } } | null;
    throw new ApiError(response.status, body?.error?.message ?? `The server answered ${response.status}.`);
  }
  return response.json() as Promise<T>;
}

export function fetchPortal(apiBase: string): Promise<PortalContent> {
  return getJson<PortalContent>(resolve(apiBase, '/api/portal'));
}

export async function fetchFormList(apiBase: string): Promise<FormListEntry[]> {
  return (await getJson<{ forms: FormListEntry[] }>(resolve(apiBase, '/api/forms'))).forms;
}

/** A form ready to run: its definition with the precompiled validators of the same version. */
export async function fetchForm(apiBase: string, formId: string, version?: number): Promise<LoadedForm> {
  const path = version ? `/api/forms/${encodeURIComponent(formId)}/versions/${version}` : `/api/forms/${encodeURIComponent(formId)}`;
  const body = await getJson<{ definition: FormDefinition; validators: string } & Omit<LoadedForm, 'form'>>(resolve(apiBase, path));
  const module = await import(/* the build names this file by its hash */ resolve(apiBase, body.validators)) as Record<string, unknown>;
  return {
    form: createForm(body.definition, validatorsFromModule(body.definition, module)),
    notices: body.notices,
    accountGate: body.accountGate,
    council: body.council,
  };
}

/** The signed-in person, as the account API gives them. */
export interface AccountUser {
  forename: string;
  surname: string;
  email: string;
}

/** A problem the server found with what was sent, by box, for the error summary. */
export interface FieldProblem {
  field: string;
  message: string;
}

/** A refused request: the message to show, and the boxes it concerns. */
export class RequestRefused extends Error {
  override name = 'RequestRefused';
  constructor(readonly status: number, message: string, readonly fields: FieldProblem[]) {
    super(message);
  }
}

/** A request that changes something: a JSON body (none for DELETE); any refusal throws RequestRefused. */
async function send<T>(apiBase: string, path: string, body: unknown = {}, method: 'POST' | 'PUT' | 'DELETE' = 'POST'): Promise<T> {
  const response = await fetch(resolve(apiBase, path), {
    method,
    headers: method === 'DELETE' ? { accept: 'application/json' } : { 'content-type': 'application/json', accept: 'application/json' },
    credentials: 'same-origin',
    body: method === 'DELETE' ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const parsed = text ? JSON.parse(text) as T & { error?: { message: string; fields?: FieldProblem[] } } : ({} as T & { error?: undefined });
  if (!response.ok) {
    const error = (parsed as { error?: { message: string; fields?: FieldProblem[] } }).error;
    throw new RequestRefused(response.status, error?.message ?? `The server answered ${response.status}.`, error?.fields ?? []);
  }
  return parsed;
}

/** The captcha's API: which check the server wants, and its verdict on an answer (a token, once only). */
export const captchaApi = {
  challengeUrl: (apiBase: string) => resolve(apiBase, '/api/captcha/challenge'),
  provider: async (apiBase: string) => (await getJson<{ provider: string }>(resolve(apiBase, '/api/captcha/challenge'))).provider,
  verify: (apiBase: string, payload: string | null) => send<{ token: string; expiresAt: number }>(apiBase, '/api/captcha/verify', { payload }),
};

/** A GET about the signed-in person: null when nobody is signed in (401). */
async function whenSignedIn<T>(apiBase: string, path: string): Promise<T | null> {
  try {
    return await getJson<T>(resolve(apiBase, path));
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

/** The account API (POST /api/account/…). Every call that fails throws RequestRefused with what to fix. */
export const accountApi = {
  current: (apiBase: string) => whenSignedIn<{ user: AccountUser; idleRemainingMs: number }>(apiBase, '/api/account'),
  /** Time left without counting as activity; null once the session has ended. Network trouble throws. */
  sessionLeft: async (apiBase: string) => (await whenSignedIn<{ idleRemainingMs: number }>(apiBase, '/api/account/session'))?.idleRemainingMs ?? null,
  keepAlive: (apiBase: string) => send<{ idleRemainingMs: number }>(apiBase, '/api/account/keep-alive'),
  register: (apiBase: string, body: { forename: string; surname: string; email: string; password: string; confirmPassword: string }) => send<{ email: string }>(apiBase, '/api/account/registrations', body),
  resendRegistrationCode: (apiBase: string) => send<{ email: string }>(apiBase, '/api/account/registrations/code'),
  verifyRegistration: (apiBase: string, code: string) => send<{ user: AccountUser }>(apiBase, '/api/account/registrations/verify', { code }),
  signIn: (apiBase: string, body: { email: string; password: string }) => send<{ email: string }>(apiBase, '/api/account/sign-in', body),
  resendSignInCode: (apiBase: string) => send<{ email: string }>(apiBase, '/api/account/sign-in/code'),
  verifySignIn: (apiBase: string, code: string) => send<{ user: AccountUser }>(apiBase, '/api/account/sign-in/verify', { code }),
  requestReset: (apiBase: string, email: string) => send<{ email: string }>(apiBase, '/api/account/password-reset', { email }),
  resendResetCode: (apiBase: string) => send<{ email: string }>(apiBase, '/api/account/password-reset/code'),
  resetPassword: (apiBase: string, body: { code: string; password: string; confirmPassword: string }) => send<void>(apiBase, '/api/account/password-reset/confirm', body),
  changePassword: (apiBase: string, body: { currentPassword: string; password: string; confirmPassword: string }) => send<void>(apiBase, '/api/account/password', body),
  signOut: (apiBase: string) => send<void>(apiBase, '/api/account/sign-out'),
};

/** A form saved for later, as the server lists it. */
export interface SavedDraft {
  id: string;
  formId: string;
  formVersion: number;
  formTitle: string;
  pageId: string;
  pageTitle: string;
  progress: number;
  /** Counts saves: the next save names it, so a save from a stale tab is refused (409). */
  version: number;
  savedAt: number;
  deleteAt: number;
}

/** Forms saved for later (/api/drafts), for the signed-in person. */
export const draftsApi = {
  list: async (apiBase: string) => (await getJson<{ drafts: SavedDraft[] }>(resolve(apiBase, '/api/drafts'))).drafts,
  open: async (apiBase: string, id: string) => (await getJson<{ draft: SavedDraft & { answers: Answers } }>(resolve(apiBase, `/api/drafts/${encodeURIComponent(id)}`))).draft,
  create: async (apiBase: string, body: { formId: string; formVersion: number; pageId: string; answers: Answers }) => (await send<{ draft: SavedDraft }>(apiBase, '/api/drafts', body)).draft,
  update: async (apiBase: string, id: string, body: { version: number; pageId: string; answers: Answers }) => (await send<{ draft: SavedDraft }>(apiBase, `/api/drafts/${encodeURIComponent(id)}`, body, 'PUT')).draft,
  remove: (apiBase: string, id: string) => send<void>(apiBase, `/api/drafts/${encodeURIComponent(id)}`, undefined, 'DELETE'),
};
