/**
 * What the portal's API says about saved and submitted forms: defined once, for the server that
 * sends these and the components that read them (as portal.types.ts is for the portal's content).
 */
import type { Answers } from '../types.ts';

/** A form to save for later (POST /api/drafts). */
export interface DraftSave {
  formId: string;
  formVersion: number;
  /** The page the person was on, where the form opens again. */
  pageId: string;
  /** The answers as they will be kept (prepared: hidden ones dropped). */
  answers: Answers;
}

/** A form saved for later, as the API lists it. */
export interface SavedDraft {
  id: string;
  formId: string;
  formVersion: number;
  formTitle: string;
  pageId: string;
  pageTitle: string;
  /** The author's progress for that page ("45% complete"). */
  progress: number;
  /** Counts saves: the next save names it, so one from a stale tab is refused (409). */
  version: number;
  savedAt: number;
  /** When it will be deleted unless saved again. */
  deleteAt: number;
}

/** A complete form to send to the council (POST /api/submissions). */
export interface SubmitRequest {
  formId: string;
  formVersion: number;
  answers: Answers;
  /** The same for every try of one submission: a retry after a dropped connection, or a double click, is not a second referral. */
  idempotencyKey: string;
  /** The saved copy these answers came from, deleted once they are submitted. */
  draftId?: string;
}

/** A submission, as the API confirms and lists it. */
export interface Submission {
  id: string;
  /** What the person quotes: "ASC-7K3F-9QX2". */
  reference: string;
  formId: string;
  formVersion: number;
  formTitle: string;
  submittedAt: number;
}

/** What the person must fix, box by box, as the GOV.UK error summary lists it. */
export interface FieldProblem {
  /** The id of the box (a question's id, or a path into a group: "people.0.name"). */
  field: string;
  message: string;
}

/** The body of every refused request: a code for programs, a message for people, and the boxes it concerns. */
export interface ErrorBody {
  error: {
    code: string;
    message: string;
    fields?: FieldProblem[];
  };
}
