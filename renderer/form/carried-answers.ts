/**
 * Answers carried from a form embedded where signing in cannot work to the same form on the
 * portal, in the address's fragment (#carry=…): a browser never sends a fragment to any server,
 * so the answers stay in the browser until the person signs in and saves or submits them.
 */
import type { Answers } from '../../engine/runtime.ts';

export const CARRY_KEY = 'carry';

/** The form and page the answers were carried from. */
export interface CarriedAnswers {
  formId: string;
  version?: number;
  pageId?: string;
  answers: Answers;
}

/** Well past any real form's answers: a longer fragment is not one of ours. */
const MAX_LENGTH = 256 * 1024;

/**
 * The answers carried in the address's fragment, if it carries any in the shape the embedded form writes; taken
 * out of the address (so a reload, a bookmark or the history keeps no copy), whatever they hold.
 */
export function takeCarriedAnswers(): CarriedAnswers | undefined {
  const hash = location.hash.slice(1);
  if (!hash.startsWith(`${CARRY_KEY}=`)) return undefined;
  history.replaceState(history.state, '', `${location.pathname}${location.search}`);
  if (hash.length > MAX_LENGTH) return undefined;
  try {
    const carried = JSON.parse(decodeURIComponent(hash.slice(CARRY_KEY.length + 1))) as Partial<CarriedAnswers>;
    const { formId, version, pageId, answers } = carried;
    if (typeof formId !== 'string' || !answers || typeof answers !== 'object' || Array.isArray(answers))
      return undefined;
    return {
      formId,
      ...(Number.isInteger(version) ? { version } : {}),
      ...(typeof pageId === 'string' ? { pageId } : {}),
      answers,
    };
  } catch {
    return undefined;
  }
}
