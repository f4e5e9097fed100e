/** What the authors' preview tells its page (GET /preview/api/state): the forms in the folder and the checker's problems. */

/** A problem the checker found, at a line and column of the author's file. */
export interface PreviewProblem {
  file: string;
  line: number;
  column: number;
  pointer: string;
  message: string;
}

export interface PreviewPage {
  id: string;
  title: string;
  /** Whether the preview found answers that show the page: it opens with them (GET /preview/jump/…). */
  reachable: boolean;
}

export interface PreviewVersion {
  version: number;
  status: 'draft' | 'published' | 'retired';
  title: string;
  pages: PreviewPage[];
}

export interface PreviewForm {
  id: string;
  /** The version the portal's address for the form (/forms/<id>) opens in preview: the newest draft or published one. */
  opens: number | null;
  versions: PreviewVersion[];
}

export interface PreviewState {
  forms: PreviewForm[];
  /** Every problem in the folder; a file with any is shown as it last was without. */
  problems: PreviewProblem[];
  /** The views of a version that are part of this preview (the flow diagram, what changed). */
  views: { flow: boolean; changes: boolean };
}

/** The address that opens a page of a version with answers that show it. */
export function jumpPath(formId: string, version: number, pageId: string): string {
  return `/preview/jump/${encodeURIComponent(formId)}/${version}/${encodeURIComponent(pageId)}`;
}
