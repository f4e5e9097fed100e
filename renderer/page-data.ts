/**
 * What the portal's page brought with it (server/routes/page-data.ts): JSON data blocks the
 * components read instead of asking the API, so the first screen waits on no request after the
 * page. Each is read once: what the person does next (another form, the form reloaded, a sign-in
 * in another tab) asks the server afresh. Where a block is missing (a form embedded in a
 * council's page, the authors' preview), the components ask the API as they always have.
 */

export { PAGE_DATA, type FormOnPage } from '../engine/contracts/page-data.ts';

/**
 * The block's content, once (it is taken from the page, unless `keep`: what stays true for every
 * form), if the page has it and `accept` takes it.
 */
export function takePageData<T>(id: string, accept: (value: T) => boolean = () => true, keep = false): T | undefined {
  if (typeof document === 'undefined') return undefined;
  const element = document.getElementById(id);
  if (!(element instanceof HTMLScriptElement) || element.type !== 'application/json') return undefined;
  let value: T;
  try {
    value = JSON.parse(element.textContent ?? '') as T;
  } catch {
    element.remove();
    return undefined;
  }
  if (!accept(value)) return undefined;
  if (!keep) element.remove();
  return value;
}
