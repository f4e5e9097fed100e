/**
 * The log: JSON lines (pino), one event a line, with its time and level, and nothing personal in
 * it. An error is logged as its kind, code and stack frames; its message only when it cannot hold
 * personal data: an error of our own that vouches for it (`safeToLog`), a database error cut down
 * to the driver's own words (db/query-errors.ts), or a mistake in the code (a TypeError and the
 * like, which names code, not data). Any other message is left out: an SMTP refusal quotes the
 * address, and a JSON parse error quotes what it was sent.
 */
import pino, { type DestinationStream, type Logger } from 'pino';
import { driverMessageOf } from '../db/query-errors.ts';

export type { Logger };

/** The levels LOG_LEVEL may name, most to least severe. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Errors thrown by a mistake in the code: their messages name variables and types, not data. */
const CODE_MISTAKES = new Set(['TypeError', 'RangeError', 'ReferenceError']);

/** An error as the log may hold it. */
export interface LoggedError {
  type: string;
  code?: string | number;
  message?: string;
  stack?: string;
  cause?: LoggedError;
}

/** What of an error's message may be logged, or undefined when it may hold personal data. */
function safeMessage(error: Error): string | undefined {
  if ((error as { safeToLog?: unknown }).safeToLog === true) return error.message;
  const driver = driverMessageOf(error);
  // A value PostgreSQL quotes (`invalid input syntax for type integer: "…"`) comes after a colon.
  if (driver !== undefined) return driver.replace(/: ".*"$/s, ': "…"');
  // Node's own argument errors end by showing the value they were given.
  if (CODE_MISTAKES.has(error.name)) return error.message.replace(/\. Received .*$/s, '.');
  return undefined;
}

/** The stack's frames only: its first line repeats the message. */
const framesOf = (error: Error) =>
  (error.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 15)
    .join('\n');

/** The pino serializer of `err`: an error's kind, code, safe message and frames, and the same of its cause. */
export function errorForLog(error: unknown, depth = 0): LoggedError {
  if (!(error instanceof Error)) return { type: typeof error };
  const code = (error as { code?: unknown }).code;
  const message = safeMessage(error);
  const cause = (error as { cause?: unknown }).cause;
  return {
    // pg names its errors "error"; their class says more.
    type: /^[A-Z]/.test(error.name) ? error.name : error.constructor.name,
    ...(typeof code === 'string' || typeof code === 'number' ? { code } : {}),
    ...(message !== undefined ? { message } : {}),
    stack: framesOf(error),
    ...(cause !== undefined && depth < 2 ? { cause: errorForLog(cause, depth + 1) } : {}),
  };
}

/** An error in one line, for a record that outlives the log (an outbox message's last error): kind, code and safe message. */
export function loggable(error: unknown): string {
  const { type, code, message } = errorForLog(error);
  return `${type}${code !== undefined ? ` (${code})` : ''}${message !== undefined ? `: ${message}` : ''}`;
}

export interface LoggerOptions {
  /** LOG_LEVEL; info when not given. */
  level?: LogLevel;
  /** Where the lines go: stdout when not given (tests pass a stream they read). */
  destination?: DestinationStream;
}

export function createLogger({ level = 'info', destination }: LoggerOptions = {}): Logger {
  return pino(
    {
      level,
      // Levels by name and times in ISO 8601: what a council's log system reads without a pino decoder.
      formatters: { level: (label) => ({ level: label }) },
      timestamp: pino.stdTimeFunctions.isoTime,
      serializers: { err: (error: unknown) => errorForLog(error) },
      hooks: {
        // pino would make an error logged alone its line's msg, message and all: it goes under err instead.
        logMethod(args, method) {
          const [first, ...rest] = args as unknown[];
          if (!(first instanceof Error)) return method.apply(this, args);
          const words = typeof rest[0] === 'string' ? rest : ['An error was logged with nothing said of it.'];
          return method.apply(this, [{ err: first }, ...words] as unknown as Parameters<typeof method>);
        },
      },
    },
    destination ?? pino.destination({ dest: 1, sync: true }),
  );
}

/**
 * Lines a person reads on a laptop's terminal (pino-pretty, a development tool: a production
 * install has none, and then the lines stay JSON).
 */
export async function prettyDestination(): Promise<DestinationStream | undefined> {
  try {
    const { default: pretty } = await import('pino-pretty');
    // The access line's msg already says its method, route and status.
    return pretty({
      colorize: true,
      singleLine: true,
      translateTime: 'SYS:HH:MM:ss',
      ignore: 'pid,hostname,method,route,status',
    });
  } catch {
    return undefined;
  }
}
