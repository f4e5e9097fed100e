/**
 * Every problem found in the portal's settings, thrown as one error so an operator sees them all
 * at once, and printed by the commands that start (server/main.ts, npm run db:migrate) as a short
 * list, one `VARIABLE: what is wrong; how to fix it` a line, with no stack.
 */

export interface ConfigProblem {
  /** The environment variable to change. */
  variable: string;
  /** What is wrong with it; how to fix it. Never holds a secret. */
  message: string;
}

/** The exit status of a process stopped by its settings (EX_CONFIG in sysexits.h). */
export const CONFIG_EXIT_STATUS = 78;

export class ConfigError extends Error {
  override name = 'ConfigError';
  readonly code = 'config';
  readonly safeToLog = true;
  readonly problems: readonly ConfigProblem[];

  constructor(problems: readonly ConfigProblem[]) {
    const count = problems.length === 1 ? 'a problem' : `${problems.length} problems`;
    super(
      [
        `The portal cannot start: ${count} in its settings (environment variables):`,
        ...problems.map(({ variable, message }) => `${variable}: ${message}`),
      ].join('\n'),
    );
    this.problems = problems;
  }
}

/** Prints a ConfigError's list (no stack) and ends the process; any other error is thrown on. */
export function exitOnConfigError(error: unknown): never {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(CONFIG_EXIT_STATUS);
}
