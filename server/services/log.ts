/** The log, and what it may say of an error: nothing personal. */

/** Where the server writes a line for operators (one event a line, nothing personal in it). */
export type Log = (line: string) => void;

/**
 * What goes to the log of an unexpected error: its kind and where it came from, never its
 * message, which for a database error holds the statement's values (names, emails, hashes).
 */
export function loggable(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const code = (error as { code?: unknown }).code;
  const frames = (error.stack ?? '').split('\n').slice(1, 6).join('\n');
  // An error of our own that vouches for its message (it names keys or records, nothing personal) keeps it.
  const message = (error as { safeToLog?: unknown }).safeToLog === true ? `: ${error.message}` : '';
  return `${error.name}${typeof code === 'string' ? ` (${code})` : ''}${message}\n${frames}`;
}
