/** Operations per second of a function: warmed up, then run in rounds until enough time has passed. */
export function opsPerSecond(run: () => unknown, { warmupMs = 300, measureMs = 2000 } = {}): number {
  const until = (ms: number, body: () => void) => {
    const end = performance.now() + ms;
    while (performance.now() < end) body();
  };
  until(warmupMs, () => {
    run();
  });
  let count = 0;
  let batch = 1;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < measureMs) {
    for (let i = 0; i < batch; i++) run();
    count += batch;
    elapsed = performance.now() - start;
    if (elapsed < measureMs / 20) batch *= 2;
  }
  return (count * 1000) / elapsed;
}

export function format(ops: number): string {
  return ops >= 100 ? Math.round(ops).toLocaleString('en-GB') : ops.toPrecision(3);
}
