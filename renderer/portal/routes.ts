/** The portal's addresses: each page and each page of each form has its own, so links, bookmarks and back and forward work. */
export type Route =
  | { name: 'home' }
  | { name: 'referrals' }
  | { name: 'dols' }
  | { name: 'form'; formId: string; pageId?: string }
  | { name: 'not-found'; path: string };

export function parseRoute(pathname: string, basePath = '/'): Route {
  const path = pathname.startsWith(basePath) ? `/${pathname.slice(basePath.length)}`.replace(/\/+/g, '/') : pathname;
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length === 0) return { name: 'home' };
  if (parts.length === 1 && parts[0] === 'referrals') return { name: 'referrals' };
  if (parts.length === 1 && parts[0] === 'dols') return { name: 'dols' };
  if (parts[0] === 'forms' && (parts.length === 2 || parts.length === 3) && parts.slice(1).every((p) => /^[a-z0-9-]+$/.test(p))) {
    return { name: 'form', formId: parts[1]!, pageId: parts[2] };
  }
  return { name: 'not-found', path };
}

export function routePath(route: Route, basePath = '/'): string {
  const base = basePath.endsWith('/') ? basePath : `${basePath}/`;
  switch (route.name) {
    case 'home': return base;
    case 'referrals': return `${base}referrals`;
    case 'dols': return `${base}dols`;
    case 'form': return `${base}forms/${route.formId}${route.pageId ? `/${route.pageId}` : ''}`;
    case 'not-found': return route.path;
  }
}
