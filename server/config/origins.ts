/**
 * The lists of sites in EMBED_ORIGINS and FRAME_ANCESTORS. An embedding page's Origin header is
 * compared with each entry as it is written, so an entry must be an origin exactly as a browser
 * sends one (scheme://host[:port], lower case, no default port, no path, no trailing slash), or it
 * never matches and embedding fails without a word. FRAME_ANCESTORS goes into the
 * Content-Security-Policy as it is, so it may also take 'self' and a wildcard subdomain
 * (https://*.example.gov.uk), and nothing that would break the header or let any site frame the
 * portal.
 */

export interface ListProblem {
  /** What is wrong, naming the entry. */
  what: string;
  /** How to fix it. */
  fix: string;
}

export type ListKind = 'origins' | 'sources';

const WILDCARD_PORT = /:\*$/;

/** The origin a browser would send for what the entry names, or null when it names none. */
function originOf(entry: string): { origin: string; url: URL } | null {
  const written = entry.replace(WILDCARD_PORT, '');
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(written) || !URL.canParse(written)) return null;
  const url = new URL(written);
  if (!['http:', 'https:'].includes(url.protocol) || !url.hostname) return null;
  return { origin: url.origin + (WILDCARD_PORT.test(entry) ? ':*' : ''), url };
}

function sourceProblem(entry: string): ListProblem | null | undefined {
  if (entry === "'self'") return null;
  if (entry === 'self')
    return {
      what: 'self is written without its quotes',
      fix: "write 'self', or leave it out: the portal may always frame itself",
    };
  if (entry === "'none'")
    return {
      what: "'none' cannot stand beside the other sites",
      fix: 'leave FRAME_ANCESTORS unset to let no other site frame the portal',
    };
  if (/^frame-ancestors$/i.test(entry))
    return {
      what: 'it holds the name of the directive',
      fix: 'list only the sites; the portal writes frame-ancestors itself',
    };
  if (entry === '*' || /^[a-z][a-z0-9+.-]*:$/i.test(entry))
    return {
      what: `"${entry}" would let any site frame the portal`,
      fix: "list the council's own sites, like https://www.sefton.gov.uk",
    };
  return undefined;
}

function entryProblem(entry: string, kind: ListKind): ListProblem | null {
  if (kind === 'sources') {
    const source = sourceProblem(entry);
    if (source !== undefined) return source;
  }
  const parsed = originOf(entry);
  if (!parsed) {
    const bare = /^[a-z0-9.-]+\.[a-z]{2,}(?::\d+)?(?:\/.*)?$/i.test(entry) ? entry.replace(/\/.*$/, '') : null;
    return {
      what: `"${entry}" is not a site's origin (scheme://host[:port])`,
      fix: bare
        ? `write https://${bare.toLowerCase()}`
        : 'write each site as https://host, like https://www.sefton.gov.uk',
    };
  }
  if (parsed.url.hostname.includes('*') && (kind === 'origins' || !/^\*\.[^*]+$/.test(parsed.url.hostname)))
    return kind === 'origins'
      ? { what: `"${entry}" holds a wildcard`, fix: 'list each site in full, like https://www.sefton.gov.uk' }
      : {
          what: `"${entry}" has a wildcard other than at the start`,
          fix: 'write a wildcard only as the first part, like https://*.sefton.gov.uk',
        };
  if (entry === parsed.origin) return null;
  const hasPath = parsed.url.pathname !== '/' || parsed.url.search || parsed.url.hash || entry.endsWith('/');
  return {
    what: hasPath
      ? `"${entry}" has a path or a trailing slash, and an origin never does, so it never matches`
      : `"${entry}" is not written as a browser sends its origin, so it never matches`,
    fix: `write ${parsed.origin} instead`,
  };
}

/** Every problem of a space-separated list of sites, or none. */
export function listProblems(value: string, kind: ListKind): ListProblem[] {
  const problems: ListProblem[] = [];
  const separator = /[;,]/.exec(value)?.[0];
  const entries = value.split(/[\s;,]+/).filter(Boolean);
  if (separator)
    problems.push({
      what: `the sites are separated with "${separator}"`,
      fix: `separate them with spaces, like "${entries.filter((entry) => !/^frame-ancestors$/i.test(entry)).join(' ')}"`,
    });
  for (const entry of entries) {
    const problem = entryProblem(entry, kind);
    if (problem) problems.push(problem);
  }
  return problems;
}
