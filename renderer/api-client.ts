/**
 * The components' only way to the server: plain HTTP to the portal's API. Everything the
 * browser needs to run a form comes from here: its definition, the portal's notices, and the URL
 * of its precompiled validators.
 */
import { createForm, validatorsFromModule, type Form, type FormDefinition, type PortalContent, type RichText, type ContentBlock } from '../engine/runtime.ts';

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

function resolve(apiBase: string, path: string): string {
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
