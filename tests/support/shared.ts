/**
 * Things several suites share and the runner closes at the end (a browser, a server), so each is
 * started once per run, not once per file.
 */
const closers: Array<() => Promise<void>> = [];

/** Registers something to close when every suite has run. */
export function closeAtEnd(close: () => Promise<void>): void {
  closers.push(close);
}

/** Closes everything, the last started first, one at a time: a server stops before the database under it is dropped. */
export async function closeShared(): Promise<void> {
  for (const close of closers.splice(0).reverse()) {
    await close().catch((error: unknown) => console.error('Closing after the tests failed:', error));
  }
}
