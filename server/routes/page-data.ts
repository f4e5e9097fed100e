/**
 * What the portal's page carries, so its first screen waits on no request after the page and its
 * scripts: the portal's content, the forms on offer, who is signed in and, on a form's address,
 * that form's definition (on its first page, only an outline of its later pages) and which
 * captcha it shows, each as a JSON data block (`<script type="application/json">`, which the
 * browser never runs, so the Content-Security-Policy's "no inline script" still holds). What the
 * form needs later (its validators, its later pages whole) it fetches once its first page is on
 * screen; the captcha is in the portal's own script. The components read the blocks once and ask
 * the API as before where there are none (a form embedded in a council's page).
 */
import type { Context } from 'koa';
import {
  PAGE_DATA,
  PORTAL_SCREENS,
  type AccountStatus,
  type FormList,
  type PortalContent,
  type PortalPages,
  type Route,
} from '../../engine/index.ts';
import type { CatalogueEntry, FormCatalogue } from '../services/form-catalogue.ts';
import type { SessionService } from '../services/sessions.ts';
import { SESSION_COOKIE } from '../http/session-cookie.ts';
import { accountStatus } from './account.ts';
import { formToRun, openingToRun, portalPages } from './forms.ts';

export interface PageData {
  /** The data blocks, for the end of the page's body. */
  blocks: string;
  /** Whether the page speaks of the person signed in (or of a session that ended): no cache may keep it. */
  personal: boolean;
}

/**
 * JSON that ends no element: "<" is written as its escape everywhere, so no text in it (a label
 * reading "</script>", a comment opener) can close the block or open anything in the page. The
 * two line separators JavaScript once refused in strings go the same way.
 */
export function jsonForPage(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function block(id: string, value: unknown): string {
  return `<script type="application/json" id="${id}">${jsonForPage(value)}</script>`;
}

/** `captcha`: the provider's name, as GET /api/captcha/challenge says it ("altcha", or "off"). */
export function createPageData(catalogue: FormCatalogue, sessions: SessionService, captcha: string) {
  const portal: PortalContent = catalogue.portal;
  /** The signed-in person, as GET /api/account says it; a cookie whose session has ended is cleared, as there. */
  const account = async (ctx: Context): Promise<AccountStatus> => {
    const cookie = ctx.cookies.get(SESSION_COOKIE);
    if (!cookie) return { user: null };
    const session = await sessions.authenticate(cookie);
    if (session) return accountStatus(session, sessions.now());
    ctx.cookies.set(SESSION_COOKIE, null, { path: '/' });
    return { user: null };
  };

  // What is the same for every request, serialised once: the portal's words, the captcha, and each
  // form version's block (a definition is some 40 KB of JSON).
  const pages = portalPages(portal);
  const portalBlock = block(PAGE_DATA.portal, pages);
  // At a form's address, the portal's own pages' words come after the form (PORTAL_SCREENS).
  const onFormPage: Partial<PortalPages> = { ...pages };
  for (const screen of PORTAL_SCREENS) delete onFormPage[screen];
  const portalOnFormBlock = block(PAGE_DATA.portal, onFormPage);
  // The portal's own pages come in a module of their own, which their addresses fetch beside the script.
  const screensPreload = `<link rel="modulepreload" href="${catalogue.manifest.app.screens}">`;
  const isScreen = (route: Route) => (PORTAL_SCREENS as readonly string[]).includes(route.name);
  const captchaBlock = block(PAGE_DATA.captcha, { provider: captcha });
  const formBlocks = new WeakMap<CatalogueEntry, { whole: string; opening: string }>();
  const formBlock = (entry: CatalogueEntry, opening: boolean) => {
    let made = formBlocks.get(entry);
    if (made === undefined) {
      made = {
        whole: block(PAGE_DATA.form, formToRun(catalogue, entry, captcha)),
        opening: block(PAGE_DATA.form, openingToRun(catalogue, entry, captcha)),
      };
      formBlocks.set(entry, made);
    }
    return opening ? made.opening : made.whole;
  };
  /** The form's first page, with no saved form to open: its later pages' words can come after. */
  const opensAtStart = (route: Extract<Route, { name: 'form' }>, entry: CatalogueEntry) =>
    !route.draftId && (!route.pageId || route.pageId === entry.definition.pages[0]!.id);

  /** Whether a form of that id is on offer (its address is a page, not "Page not found"). */
  const isForm = (formId: string) => catalogue.get(formId) !== null;
  const forPage = async (ctx: Context, route: Route): Promise<PageData> => {
    const entry = route.name === 'form' ? catalogue.get(route.formId) : null;
    const blocks = [
      ...(isScreen(route) ? [screensPreload] : []),
      route.name === 'form' ? portalOnFormBlock : portalBlock,
      block(PAGE_DATA.forms, { forms: catalogue.list() } satisfies FormList),
      block(PAGE_DATA.account, await account(ctx)),
      captchaBlock,
      ...(entry && route.name === 'form' ? [formBlock(entry, opensAtStart(route, entry))] : []),
    ];
    return {
      blocks: blocks.join('\n'),
      personal: ctx.cookies.get(SESSION_COOKIE) !== undefined,
    };
  };
  return { isForm, forPage };
}

export type PageDataSource = ReturnType<typeof createPageData>;
