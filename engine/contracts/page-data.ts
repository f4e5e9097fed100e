/**
 * The ids of the JSON blocks a portal page carries (server/routes/page-data.ts writes them,
 * renderer/page-data.ts reads them): what the page would otherwise ask the API for first.
 */
import type { FormToRun } from './portal-api.ts';

/**
 * The form's block: what GET /api/forms/{formId} gives, except that on the form's first page the
 * definition is `opening` (engine/run/opening.ts: only an outline of the later pages), and the
 * browser asks the API for the whole of it before it goes further.
 */
export interface FormOnPage extends FormToRun {
  opening?: true;
}
/**
 * The page's own style, in a <style> of the page (one request fewer before the first screen): only
 * what must sit outside the components' shadow roots. The Content-Security-Policy allows it by its
 * hash, and no other inline style.
 */
export const PAGE_STYLE = `html{background:#fff;-webkit-text-size-adjust:100%;text-size-adjust:100%}body{margin:0;font-family:system-ui,-apple-system,'Segoe UI',Arial,sans-serif}noscript p{max-width:40em;margin:30px auto;padding:0 15px;font-size:1.1875rem}`;

export const PAGE_DATA = {
  portal: 'asc-data-portal',
  forms: 'asc-data-forms',
  account: 'asc-data-account',
  form: 'asc-data-form',
  captcha: 'asc-data-captcha',
} as const;
