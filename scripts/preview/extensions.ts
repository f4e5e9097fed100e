/**
 * Views of a form version the preview shows beside it, when the engine has them: its flow as a
 * picture (and as text, for a screen reader), and what changed from the version before, each a
 * function of the engine plugged in here, in `previewExtensions`.
 */
import { diffForms, diffLines, flowMarkdown, flowSvg, formFlow, type FormDefinition } from '../../engine/index.ts';
import { DRAFT_LIFETIME_MS } from '../../server/services/drafts.ts';
import { DAY } from '../../server/services/clock.ts';

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

/** The views plugged in: the flow diagram (`npm run flow`) and the changes (`npm run diff-forms`), from the engine. */
export const previewExtensions: PreviewExtensions = {
  flow: (definition) => {
    const flow = formFlow(definition);
    return { svg: flowSvg(flow), text: flowMarkdown(flow) };
  },
  diff: (before, after) => ({
    changes: diffLines(diffForms(before, after, { savedFormDays: DRAFT_LIFETIME_MS / DAY })),
  }),
};
