/**
 * DATA_DIR holds personal data (the database, emails, deliveries) and the keys that open it, so
 * everything the server makes there is for the server's user alone: folders 0700, files 0600.
 * Folders and files made by an earlier version with looser permissions are tightened too; one that
 * belongs to another user (set up so by the operator) is left as it is.
 */
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { chmod, mkdir } from 'node:fs/promises';

export const PRIVATE_FOLDER = 0o700;
export const PRIVATE_FILE = 0o600;

const notOurs = (error: unknown) => {
  if ((error as NodeJS.ErrnoException).code !== 'EPERM') throw error;
};

/** Makes the folder (and any missing above it) for the server's user only; tightens one already there. */
export async function privateFolder(path: string): Promise<void> {
  await mkdir(path, { recursive: true, mode: PRIVATE_FOLDER });
  await chmod(path, PRIVATE_FOLDER).catch(notOurs);
}

/** Tightens the permissions of a file that is there. */
export async function privateFile(path: string): Promise<void> {
  await chmod(path, PRIVATE_FILE).catch(notOurs);
}

export function privateFolderSync(path: string): void {
  mkdirSync(path, { recursive: true, mode: PRIVATE_FOLDER });
  chmodSafely(path, PRIVATE_FOLDER);
}

/** Makes the file empty if it is not there, and tightens the permissions of one that is. */
export function privateFileSync(path: string): void {
  closeSync(openSync(path, 'a', PRIVATE_FILE));
  chmodSafely(path, PRIVATE_FILE);
}

/** Tightens the permissions of a file, if it is there. */
export function tightenSync(path: string): void {
  if (existsSync(path)) chmodSafely(path, PRIVATE_FILE);
}

function chmodSafely(path: string, mode: number): void {
  try {
    chmodSync(path, mode);
  } catch (error) {
    notOurs(error);
  }
}
