/**
 * Mistakes in a form definition, and misuse of the engine, thrown. (Mistakes in answers are never
 * thrown: they are data, see FieldError and Form.check.) Each carries a code a tool can test and a
 * message that says where and how to fix it.
 */

/** One thing wrong with a definition, at a JSON pointer into the author's file. */
export interface DefinitionProblem {
  /** JSON pointer to the offending value, "" for the whole file. */
  pointer: string;
  /** A short stable code: "duplicate-id", "unknown-question", ... */
  code: string;
  /** What is wrong and how to fix it. */
  message: string;
}

export class FormEngineError extends Error {
  override name = 'FormEngineError';
  readonly code: string = 'form-engine-error';
}

/** The definition does not follow the format or refers to things that do not exist. */
export class DefinitionError extends FormEngineError {
  override name = 'DefinitionError';
  override readonly code = 'invalid-definition';
  readonly formId: string;
  readonly problems: DefinitionProblem[];

  constructor(formId: string, problems: DefinitionProblem[]) {
    const list = problems.map((p) => `  ${p.pointer || '/'}  ${p.message}`).join('\n');
    super(`Form definition "${formId}" has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${list}`);
    this.formId = formId;
    this.problems = problems;
  }
}

/** A caller named a page or question the form does not have. */
export class UnknownPageError extends FormEngineError {
  override name = 'UnknownPageError';
  override readonly code = 'unknown-page';
  constructor(formId: string, pageId: string) {
    super(`Form "${formId}" has no page "${pageId}". Use one of the ids in its "pages" list.`);
  }
}
