/**
 * A form compiled in Node, which can also check answers sent to the server in one call. The
 * browser's Form (run/form.ts) has no such call: it never receives answers from elsewhere, and
 * the embedded form's script stays smaller without it.
 */
import type { Answers, DateOptions, FormDefinition } from '../types.ts';
import type { FieldProblem } from '../contracts/portal-api.ts';
import { Form, type FormOptions, type FormValidators } from '../run/form.ts';
import type { ShapeCheck } from './shape-check.ts';

export interface CheckOptions extends DateOptions {
  /** Require what Submit requires: every mandatory question answered and every answer sound. */
  complete?: boolean;
}

/**
 * The server's verdict on a set of answers sent to it. `answers` are the answers as they are kept
 * (prepared: normalised, hidden ones dropped); null when they are not answers to this form at all
 * (a question it does not ask, an option it does not offer, a value of the wrong kind).
 */
export type AnswersCheck =
  | { valid: true; answers: Answers; problems: [] }
  | { valid: false; answers: Answers | null; problems: FieldProblem[] };

/** An engine problem as the API reports it, by the box it concerns. */
function fieldProblem({ path, message }: { path: string; message: string }): FieldProblem {
  return { field: path, message };
}

export class CompiledForm extends Form {
  constructor(
    definition: FormDefinition,
    validators: FormValidators,
    private readonly shape: ShapeCheck,
    options?: FormOptions,
  ) {
    super(definition, validators, options);
  }

  /**
   * Checks answers sent to the server, in one call: their shape, then preparing them, then (when
   * `complete`) everything Submit requires. Mistakes in the answers are returned, never thrown.
   */
  check(answers: unknown, options: CheckOptions = {}): AnswersCheck {
    const refused = this.shape(answers, options.complete ? 'sent' : 'saved');
    if (refused.length) return { valid: false, answers: null, problems: refused.map(fieldProblem) };
    const today = this.today(options);
    const prepared = this.prepare(answers as Answers, { today });
    const problems = options.complete ? this.errorsInPrepared(prepared, today).map(fieldProblem) : [];
    return problems.length
      ? { valid: false, answers: prepared, problems }
      : { valid: true, answers: prepared, problems: [] };
  }
}
