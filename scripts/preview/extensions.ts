/**
 * Views of a form version the preview shows beside it, when the engine has them: its flow as a
 * picture (and as text, for a screen reader), and what changed from the version before. Each is
 * plugged in here, in `previewExtensions`, with a function of the engine; until then the preview
 * says the view is not there yet, and makes nothing up.
 */
import type { FormDefinition } from '../../engine/index.ts';

/** A form version's flow: its pages and the conditions between them. */
export interface FlowView {
  /** An SVG document, shown as an image. */
  svg: string;
  /** The same flow in words, for people who cannot see the picture. */
  text: string;
}

/** What changed between two versions of a form, as the author reads it. */
export interface VersionChanges {
  /** One line each: "Page ‘About the person’: question ‘Date of birth’ added". */
  changes: string[];
}

export interface PreviewExtensions {
  flow?: (definition: FormDefinition) => FlowView;
  diff?: (before: FormDefinition, after: FormDefinition) => VersionChanges;
}

/** The views plugged in: none yet (the flow diagram and `npm run diff-forms` come as engine modules). */
export const previewExtensions: PreviewExtensions = {};
