/**
 * What changed between two versions of a form, as `diffForms` (diff.ts) gives it: the form's own
 * settings, its pages, questions and text, what happens to forms saved on the older version, and
 * what the change to the answers schema means for the council's case system. Every change carries
 * its plain words (`words`) beside its parts, so a tool can show either.
 */

/** One version of the form, as the diff names it. */
export interface DiffVersion {
  version: number;
  status: 'draft' | 'published' | 'retired';
  title: string;
}

/** One property of a page, question or option that differs, in words. */
export interface DetailChange {
  /** What differs: `title`, `label`, `hint`, `type`, `required`, `showIf`, `option-added`, `limit`, `rule-added`, `prefill`… */
  what: string;
  /** The old value in words, when it had one. */
  from?: string;
  /** The new value in words, when it has one. */
  to?: string;
  /** The change as a sentence: `mandatory: always → only when "consultees" is not answered`. */
  words: string;
}

/** Where a question is: its page and, inside a repeatable group, the group. */
export interface QuestionPlace {
  pageId: string;
  pageTitle: string;
  groupId?: string;
}

export interface QuestionChange {
  /** added, removed, moved (to another page or group, perhaps changed too) or changed (in place). */
  kind: 'added' | 'removed' | 'moved' | 'changed';
  id: string;
  /** The label in the newer version (in the older one when removed). */
  label: string;
  /** The question's type in the newer version (in the older one when removed). */
  type: string;
  /** Where it is in the newer version (in the older one when removed). */
  place: QuestionPlace;
  /** Where it was, when it moved. */
  movedFrom?: QuestionPlace;
  /** For an added question: whether it is mandatory and when it is asked, in words. */
  asked?: string[];
  changes: DetailChange[];
}

export interface PageChange {
  /** added, removed, moved (its place among the pages in both versions changed, perhaps changed too) or changed. */
  kind: 'added' | 'removed' | 'moved' | 'changed';
  id: string;
  /** The title in the newer version (in the older one when removed). */
  title: string;
  /** Its position, counted from 1, in the older and newer versions. */
  fromPosition?: number;
  toPosition?: number;
  changes: DetailChange[];
}

/** A text block (heading, paragraph, list, inset, warning, details) added, removed or changed. */
export interface ContentChange {
  kind: 'added' | 'removed' | 'moved' | 'changed';
  /** The page it is on in the newer version (in the older one when removed). */
  pageId: string;
  pageTitle: string;
  /** Its id, when the author gave it one. */
  id?: string;
  blockType: string;
  /** The start of its text, in the newer version (in the older one when removed). */
  text: string;
  /** The start of its old text, when that changed. */
  wasText?: string;
  /** When it is shown, when that changed: before and after, in words. */
  shown?: { from: string; to: string };
  /** The page it was on, when it moved to another. */
  movedFromPageId?: string;
  movedFromPageTitle?: string;
}

/** What happens to forms saved on the older version once the newer one is in use. */
export interface SavedFormsImpact {
  /** Whether a form saved on the older version can still be finished and sent. */
  canFinish: boolean;
  /** Whether a new form can still be started on the older version. */
  takesNewForms: boolean;
  /** Questions whose answers are dropped when someone starts the newer version in place of the older one. */
  answersDropped: string[];
  /** Questions whose answers are kept on the newer version but may no longer fit it (another type, an option gone, a tighter limit). */
  answersToCheck: string[];
  /** The whole of it, in sentences. */
  lines: string[];
}

/**
 * A difference between the two versions' answers schemas (integrator-schema.ts), by how it meets
 * a case system that reads the answers: `breaking` needs a change there, `risky` may upset a
 * strict one, `safe` needs nothing.
 */
export interface SchemaChange {
  severity: 'breaking' | 'risky' | 'safe';
  kind:
    | 'field-removed'
    | 'field-added'
    | 'type-changed'
    | 'value-removed'
    | 'value-added'
    | 'newly-required'
    | 'no-longer-required'
    | 'limit-widened'
    | 'limit-narrowed'
    | 'pattern-changed'
    | 'words-changed';
  /** The field, as a path into the answers: `imcaNeeded`, `consultees[].name`, `difficulties[]`. */
  field: string;
  words: string;
}

export interface IntegratorImpact {
  /** The `$id` of each version's answers schema. */
  schemas: { from: string; to: string };
  /** Whether any change is breaking. */
  breaking: boolean;
  changes: SchemaChange[];
}

export interface FormDiff {
  formId: string;
  from: DiffVersion;
  to: DiffVersion;
  /** The form's own settings: title, description, whom it is about. */
  form: DetailChange[];
  pages: PageChange[];
  questions: QuestionChange[];
  content: ContentChange[];
  savedForms: SavedFormsImpact;
  integrators: IntegratorImpact;
}

export interface DiffOptions {
  /** How many days a saved form is kept after its last save, to say so; left out, the words say only that it expires. */
  savedFormDays?: number;
}
