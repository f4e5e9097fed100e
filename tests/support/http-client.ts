/** A client for the portal's API that keeps its own cookies, like one browser. */
export function client(baseUrl: string, headers: Record<string, string> = {}) {
  const jar = new Map<string, string>();
  const call = async (method: string, path: string, body?: unknown, extra: Record<string, string> = {}) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '), ...headers, ...extra },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const [name, value] = pair!.split('=') as [string, string];
      if (!value) jar.delete(name); else jar.set(name, value);
    }
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers, setCookies: response.headers.getSetCookie() };
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
