/** autocannon runs: one path, so many connections, a few runs of a few seconds, the median of each figure. */
import autocannon from 'autocannon';

export interface Measured {
  rps: number;
  p99: number;
  /** Answers that were not 2xx, and connection errors and timeouts: a figure with any is suspect. */
  failed: number;
  /** The app process's CPU time per request answered (the median run's), when `cpu` was given. */
  cpuMs?: number;
}

export interface Load {
  url: string;
  method: 'POST' | 'PUT' | 'GET';
  /** Each request's path, headers and body; `slot` is the number of the request (to rotate accounts). */
  request: (
    slot: number,
    context: Record<string, unknown>,
  ) => { path: string; headers: Record<string, string>; body?: string };
  /** Each answer, with the same context (a connection has one request at a time). */
  answered?: (status: number, body: string, context: Record<string, unknown>) => void;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function once(load: Load, { connections, seconds }: { connections: number; seconds: number }) {
  let slot = 0;
  const result = await autocannon({
    url: load.url,
    connections,
    duration: seconds,
    timeout: 10,
    requests: [
      {
        method: load.method,
        setupRequest: (request, context) => {
          const made = load.request(slot++, context as Record<string, unknown>);
          return { ...request, ...made, headers: { ...request.headers, ...made.headers } };
        },
        ...(load.answered
          ? {
              onResponse: (status: number, body: string, context: object) =>
                load.answered!(status, body, context as Record<string, unknown>),
            }
          : {}),
      },
    ],
  });
  return {
    rps: result.requests.average,
    p99: result.latency.p99,
    failed: result.non2xx + result.errors + result.timeouts,
  };
}

/** `runs` runs of one load, each `seconds` long; the median req/s and the median p99. */
export async function measure(
  load: Load,
  options: { connections: number; seconds: number; runs: number; cpu?: () => Promise<number> },
): Promise<Measured> {
  const all: Measured[] = [];
  const cpu: number[] = [];
  for (let run = 0; run < options.runs; run++) {
    const before = await options.cpu?.();
    const measured = await once(load, options);
    const after = await options.cpu?.();
    if (before !== undefined && after !== undefined) cpu.push((after - before) / (measured.rps * options.seconds));
    all.push(measured);
  }
  return {
    rps: median(all.map((m) => m.rps)),
    p99: median(all.map((m) => m.p99)),
    failed: all.reduce((sum, m) => sum + m.failed, 0),
    ...(cpu.length ? { cpuMs: median(cpu) } : {}),
  };
}
