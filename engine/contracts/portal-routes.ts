/**
 * The portal's addresses: each page and each page of each form has its own, so links, bookmarks
 * and back and forward work. The portal reads them in the browser; the server answers an address
 * that is none of them with its not-found status.
 */

/** The screens of <asc-account>, each with its own address in the portal (/account/<screen>). */
export type AccountScreen =
  | 'sign-in'
  | 'register'
  | 'forgotten-password'
  | 'change-password'
  | 'account'
  | 'saved'
  | 'submitted';

export type Route =
  | { name: 'home' }
  | { name: 'account'; screen: AccountScreen; returnTo?: string }
  | { name: 'signed-out' }
  | { name: 'referrals' }
  | { name: 'dols' }
  /** A form's page; `draftId` names the saved copy its answers are kept in (a reload opens it again). */
  | { name: 'form'; formId: string; pageId?: string; draftId?: string }
  /** A form the person submitted, opened again read-only. */
  | { name: 'submitted-form'; submissionId: string }
  | { name: 'not-found'; path: string };

const ACCOUNT_SCREENS: Record<string, AccountScreen> = {
  '': 'account',
  'sign-in': 'sign-in',
  register: 'register',
  'forgotten-password': 'forgotten-password',
  'change-password': 'change-password',
  saved: 'saved',
  submitted: 'submitted',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A return address is only ever a path of this site: never another site's. */
function safeReturn(value: string | null): string | undefined {
  // A backslash is read as a slash by browsers: "/\\evil.example" would be another site.
  return value?.startsWith('/') && !value.startsWith('//') && !value.includes('\\') ? value : undefined;
}

export function parseRoute(pathname: string, basePath = '/', search = ''): Route {
  const path = pathname.startsWith(basePath) ? `/${pathname.slice(basePath.length)}`.replace(/\/+/g, '/') : pathname;
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length === 0) return { name: 'home' };
  if (parts.length === 1 && parts[0] === 'referrals') return { name: 'referrals' };
  if (parts.length === 1 && parts[0] === 'dols') return { name: 'dols' };
  if (parts.length === 1 && parts[0] === 'signed-out') return { name: 'signed-out' };
  if (parts[0] === 'account' && parts[1] === 'submitted' && parts.length === 3 && UUID.test(parts[2]!))
    return { name: 'submitted-form', submissionId: parts[2]! };
  if (parts[0] === 'account' && parts.length <= 2 && (parts[1] ?? '') in ACCOUNT_SCREENS) {
    return {
      name: 'account',
      screen: ACCOUNT_SCREENS[parts[1] ?? '']!,
      returnTo: safeReturn(new URLSearchParams(search).get('return')),
    };
  }
  if (
    parts[0] === 'forms' &&
    (parts.length === 2 || parts.length === 3) &&
    parts.slice(1).every((p) => /^[a-z0-9-]+$/.test(p))
  ) {
    const draftId = new URLSearchParams(search).get('draft') ?? '';
    return {
      name: 'form',
      formId: parts[1]!,
      pageId: parts[2],
      ...(/^[0-9a-f-]{36}$/.test(draftId) ? { draftId } : {}),
    };
  }
  return { name: 'not-found', path };
}

export function routePath(route: Route, basePath = '/'): string {
  const base = basePath.endsWith('/') ? basePath : `${basePath}/`;
  switch (route.name) {
    case 'home':
      return base;
    case 'referrals':
      return `${base}referrals`;
    case 'dols':
      return `${base}dols`;
    case 'form':
      return `${base}forms/${route.formId}${route.pageId ? `/${route.pageId}` : ''}${route.draftId ? `?draft=${route.draftId}` : ''}`;
    case 'signed-out':
      return `${base}signed-out`;
    case 'submitted-form':
      return `${base}account/submitted/${route.submissionId}`;
    case 'account': {
      const screen = Object.entries(ACCOUNT_SCREENS).find(([, s]) => s === route.screen)![0];
      return `${base}account${screen ? `/${screen}` : ''}${route.returnTo ? `?return=${encodeURIComponent(route.returnTo)}` : ''}`;
    }
    case 'not-found':
      return route.path;
  }
}
