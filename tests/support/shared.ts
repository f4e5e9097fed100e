/**
 * Things several suites share and the runner closes at the end (a browser, a server), so each is
 * started once per run, not once per file.
 */
const closers: Array<() => Promise<void>> = [];

/** Registers something to close when every suite has run. */
export function closeAtEnd(close: () => Promise<void>): void {
  closers.push(close);
}

export async function closeShared(): Promise<void> {
  await Promise.allSettled(closers.splice(0).reverse().map((close) => close()));
}
