/** The server's log written to memory, for a test to read what operators would see. */
import { createLogger, type Logger, type LogLevel } from '../../server/services/log.ts';

/** One line of the log, as JSON. */
export type LogLine = { level: string; msg: string; requestId?: string } & Record<string, unknown>;

export function capturedLog(level: LogLevel = 'debug'): { log: Logger; lines: LogLine[]; text: () => string } {
  const raw: string[] = [];
  const log = createLogger({ level, destination: { write: (line: string) => void raw.push(line) } });
  return {
    log,
    get lines() {
      return raw.map((line) => JSON.parse(line) as LogLine);
    },
    text: () => raw.join(''),
  };
}

/** A log that writes nothing. */
export const silentLog = (): Logger => createLogger({ level: 'silent' });
