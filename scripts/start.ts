/**
 * npm start: builds the portal, then starts it, in one process, so that a SIGTERM or Ctrl+C sent
 * to npm reaches the server and it stops cleanly (server/main.ts), rather than being left behind.
 */
await import('./build.ts');
await import('../server/main.ts');

export {};
