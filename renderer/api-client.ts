/**
 * The components' way to the server: plain HTTP to the portal's API, and the two helpers every
 * call goes through (getJson and send). Everything the browser needs to run a form comes from
 * here: its definition, the portal's notices, and the URL of its precompiled validators. The
 * account, captcha and saved-forms calls build on it in modules of their own, so a page that
 * embeds one form downloads only what it uses.
 */
import {
  createForm,
  validatorsFromModule,
  type Form,
  type PortalPages,
  type FieldProblem,
  type ErrorBody,
  type FormList,
  type FormSummary,
  type FormToRun,
  type FormValidators,
  type FormDefinition,
} from '../engine/runtime.ts';
import { PAGE_DATA, takePageData, type FormOnPage } from './page-data.ts';

/** A form ready to run, with the portal's words around it. */
export interface LoadedForm extends Omit<FormToRun, 'definition' | 'validators' | 'timeZone'> {
  /** The form; where `opening`, replaced by the whole form once it has come. */
  form: Form;
  /** Whether the form holds its first page's words only (the portal's page brought that much): no other page can be shown yet. */
  opening: boolean;
  /**
   * Loads the form's precompiled validators, and the whole form where it is `opening` (once;
   * again after a failure). Until then, the form shows its pages (its first only, when `opening`)
   * but cannot check answers: what checks them waits for this.
   */
  validators(): Promise<void>;
}

/** A refused request: the message to show, and the boxes it concerns. */
export class RequestRefused extends Error {
  override name = 'RequestRefused';
  constructor(
    readonly status: number,
    message: string,
    readonly fields: FieldProblem[],
    /** The server's code for the refusal ("retired-version"), when it gave one. */
    readonly code = '',
  ) {
    super(message);
  }
}

/** An address of the portal's API, for a component given `api-base`. */
export function resolve(apiBase: string, path: string): string {
  const base = new URL(apiBase || '/', document.baseURI);
  return new URL(path.replace(/^\//, ''), base.href.endsWith('/') ? base : `${base.href}/`).href;
}

/**
 * The session cookie goes with every call, to the portal's own origin or, from a council's page
 * embedding a form, to the portal on another origin of the same site (which lets that page in).
 */
const CREDENTIALS: RequestCredentials = 'include';

/** A GET of JSON; a refusal throws RequestRefused with the server's own message. */
export async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { headers: { accept: 'application/json' }, credentials: CREDENTIALS });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as Partial<ErrorBody> | null;
    throw new RequestRefused(response.status, body?.error?.message ?? `The server answered ${response.status}.`, []);
  }
  return response.json() as Promise<T>;
}

/**
 * What the page brought with it (page-data.ts), where the API asked is the one that served the
 * page; undefined otherwise, and the caller asks the API.
 */
export function fromPage<T>(apiBase: string, id: string, accept?: (value: T) => boolean, keep = false): T | undefined {
  if (typeof location === 'undefined' || resolve(apiBase, '/') !== new URL('/', location.href).href) return undefined;
  return takePageData<T>(id, accept, keep);
}

export async function fetchPortal(apiBase: string): Promise<PortalPages> {
  return fromPage<PortalPages>(apiBase, PAGE_DATA.portal) ?? getJson<PortalPages>(resolve(apiBase, '/api/portal'));
}

export async function fetchFormList(apiBase: string): Promise<FormSummary[]> {
  return (fromPage<FormList>(apiBase, PAGE_DATA.forms) ?? (await getJson<FormList>(resolve(apiBase, '/api/forms'))))
    .forms;
}

/**
 * A form ready to run: its definition, and a way to load the precompiled validators of the same
 * version. They are not needed to show a page, only to check its answers, so they load after; so
 * does the rest of the definition where the portal's page, or the API asked for the first page,
 * brought its opening only.
 */
export async function fetchForm(
  apiBase: string,
  formId: string,
  version?: number,
  /** The form starts on its first page: its opening is enough to show it (see FormOnPage). */
  atStart = false,
): Promise<LoadedForm> {
  const form = `/api/forms/${encodeURIComponent(formId)}`;
  const path = `${form}${version ? `/versions/${version}` : ''}${atStart ? '?opening' : ''}`;
  const body =
    fromPage<FormOnPage>(
      apiBase,
      PAGE_DATA.form,
      (given) => given.definition.id === formId && (!version || given.definition.version === version),
    ) ?? (await getJson<FormToRun>(resolve(apiBase, path)));
  const { definition } = body;
  // Filled in once the module has loaded: the form reads its page validators when it checks a page.
  const validators: FormValidators = { pages: {} };
  // Today is the council's date, not the one where the browser is.
  const run = (whole: FormDefinition) => createForm(whole, validators, { timeZone: body.timeZone });
  const whole = async () => {
    const answer = await getJson<FormToRun>(resolve(apiBase, `${form}/versions/${definition.version}`));
    loaded.form = run(answer.definition);
    loaded.opening = false;
  };
  let loading: Promise<void> | undefined;
  const loaded: LoadedForm = {
    form: run(definition),
    opening: (body as FormOnPage).opening === true,
    validators: () =>
      (loading ??= Promise.all([
        import(/* the build names this file by its hash */ resolve(apiBase, body.validators)).then(
          (module: Record<string, unknown>) => {
            validators.pages = validatorsFromModule(definition, module).pages;
          },
        ),
        loaded.opening ? whole() : undefined,
      ]).then(
        () => undefined,
        (error: unknown) => {
          loading = undefined;
          throw error;
        },
      )),
    notices: body.notices,
    accountGate: body.accountGate,
    council: body.council,
    captcha: body.captcha,
  };
  return loaded;
}

/** A request that changes something: a JSON body (none for DELETE); any refusal throws RequestRefused. */
export async function send<T>(
  apiBase: string,
  path: string,
  body: unknown = {},
  method: 'POST' | 'PUT' | 'DELETE' = 'POST',
): Promise<T> {
  const response = await fetch(resolve(apiBase, path), {
    method,
    headers:
      method === 'DELETE'
        ? { accept: 'application/json' }
        : { 'content-type': 'application/json', accept: 'application/json' },
    credentials: CREDENTIALS,
    body: method === 'DELETE' ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const parsed = text ? (JSON.parse(text) as T & Partial<ErrorBody>) : ({} as T & Partial<ErrorBody>);
  if (!response.ok) {
    const error = (parsed as Partial<ErrorBody>).error;
    throw new RequestRefused(
      response.status,
      error?.message ?? `The server answered ${response.status}.`,
      error?.fields ?? [],
      error?.code,
    );
  }
  return parsed;
}
