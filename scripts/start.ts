/**
 * npm start: builds the portal, then starts it, in one process, so that a SIGTERM or Ctrl+C sent
 * to npm reaches the server and it stops cleanly (server/main.ts), rather than being left behind.
 * The settings are checked before the build, so a mistake in them is said at once.
 */
import { exitOnConfigError, readConfig } from '../server/config.ts';

try {
  readConfig();
} catch (error) {
  exitOnConfigError(error);
}
await import('./build.ts');
await import('../server/main.ts');
