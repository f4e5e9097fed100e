/**
 * Reading a running app's SQLite files, to show what they do not hold. Read in another process:
 * SQLite locks its files with POSIX advisory locks, which belong to the process, and closing any
 * descriptor of a file drops every lock the process holds on it (fcntl(2); sqlite.org/howtocorrupt.html,
 * 2.2). A test that opened and closed them in the app's own process would leave its connections
 * unlocked, and the next `npm run staff`, finding nobody else, would checkpoint and delete the
 * write-ahead log under them: "database disk image is malformed".
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

/** The bytes of a file, read by a `cat` of its own. */
export async function bytesOf(path: string): Promise<Buffer> {
  const { stdout } = await promisify(execFile)('cat', [path], { encoding: 'buffer', maxBuffer: 256 * 1024 * 1024 });
  return stdout;
}
