/**
 * What /metrics tells a council's monitoring (Prometheus text): requests by route and status, how
 * long they took, submissions accepted, forms saved, failed sign-ins, the outbox's backlog and the
 * age of its oldest unsent message (read from the database at each scrape, so every process
 * reports the same shared outbox), failed sends, and the process's own (memory, CPU, event loop).
 * Each app has a registry of its own: several apps in one process (tests) count apart. No label
 * holds anything personal: routes are patterns, forms are ids, kinds are `email` or `delivery`.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { OutboxKind, OutboxRepository } from '../repositories/outbox.ts';
import type { Clock } from './clock.ts';
import type { Logger } from './log.ts';

const KINDS: readonly OutboxKind[] = ['email', 'delivery'];

/** A request as the access line and the HTTP metrics count it. */
export interface Answered {
  method: string;
  route: string;
  status: number;
  durationMs: number;
}

/** What the services count: each call is one thing a person (or the outbox) did. */
export interface Counting {
  submissionAccepted(formId: string): void;
  draftSaved(): void;
  signInFailed(): void;
  sendFailed(kind: OutboxKind): void;
}

export interface Metrics {
  counting: Counting;
  /** Counts a request answered (requestLog calls it). */
  answered(request: Answered): void;
  /** Every metric, in Prometheus's text format. */
  text(): Promise<string>;
  contentType: string;
}

export function createMetrics(deps: {
  outbox: Pick<OutboxRepository, 'unsentByKind'>;
  clock: Clock;
  log: Logger;
}): Metrics {
  const registry = new Registry();
  const registers = [registry];
  collectDefaultMetrics({ register: registry });

  const requests = new Counter({
    name: 'asc_forms_http_requests_total',
    help: 'HTTP requests answered, by method, route (its pattern) and status.',
    labelNames: ['method', 'route', 'status'] as const,
    registers,
  });
  const duration = new Histogram({
    name: 'asc_forms_http_request_duration_seconds',
    help: 'How long requests took to answer, by method and route.',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers,
  });
  const submissions = new Counter({
    name: 'asc_forms_submissions_accepted_total',
    help: 'Forms submitted and accepted (a repeat of one already accepted is not counted), by form.',
    labelNames: ['form'] as const,
    registers,
  });
  const drafts = new Counter({
    name: 'asc_forms_drafts_saved_total',
    help: 'Forms saved for later (each save, new or again).',
    registers,
  });
  const signInFailures = new Counter({
    name: 'asc_forms_sign_in_failures_total',
    help: 'Sign-ins refused for a wrong email address or password.',
    registers,
  });
  const sendFailures = new Counter({
    name: 'asc_forms_outbox_send_failures_total',
    help: 'Tries to send an outbox message that failed (it is tried again later), by kind.',
    labelNames: ['kind'] as const,
    registers,
  });
  for (const kind of KINDS) sendFailures.inc({ kind }, 0);

  // One query a scrape serves both outbox gauges, whichever collects first.
  let reading: ReturnType<typeof deps.outbox.unsentByKind> | undefined;
  const unsent = () => {
    reading ??= deps.outbox.unsentByKind().finally(() => {
      reading = undefined;
    });
    return reading;
  };
  const fromOutbox = (value: (row: { count: number; oldestCreatedAt: number }) => number) =>
    async function collect(this: Gauge<'kind'>) {
      this.reset();
      try {
        const rows = await unsent();
        for (const kind of KINDS) {
          const row = rows.find((r) => r.kind === kind);
          this.set({ kind }, row ? value(row) : 0);
        }
      } catch (error) {
        deps.log.warn({ err: error }, 'The outbox could not be read for /metrics; its gauges are left out.');
      }
    };
  new Gauge({
    name: 'asc_forms_outbox_unsent',
    help: 'Outbox messages not yet sent, by kind (email, delivery to the case system).',
    labelNames: ['kind'] as const,
    registers,
    collect: fromOutbox((row) => row.count),
  });
  new Gauge({
    name: 'asc_forms_outbox_oldest_unsent_age_seconds',
    help: 'How long the oldest unsent outbox message has waited, in seconds, by kind (0 when none waits).',
    labelNames: ['kind'] as const,
    registers,
    collect: fromOutbox((row) => Math.max(0, (deps.clock.now() - row.oldestCreatedAt) / 1000)),
  });

  return {
    counting: {
      submissionAccepted: (formId) => submissions.inc({ form: formId }),
      draftSaved: () => drafts.inc(),
      signInFailed: () => signInFailures.inc(),
      sendFailed: (kind) => sendFailures.inc({ kind }),
    },
    answered({ method, route, status, durationMs }) {
      requests.inc({ method, route, status: String(status) });
      duration.observe({ method, route }, durationMs / 1000);
    },
    text: () => registry.metrics(),
    contentType: registry.contentType,
  };
}
