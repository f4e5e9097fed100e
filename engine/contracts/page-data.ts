/**
 * The ids of the JSON blocks a portal page carries (server/routes/page-data.ts writes them,
 * renderer/page-data.ts reads them): what the page would otherwise ask the API for first.
 */
export const PAGE_DATA = {
  portal: 'asc-data-portal',
  forms: 'asc-data-forms',
  account: 'asc-data-account',
  form: 'asc-data-form',
  captcha: 'asc-data-captcha',
} as const;
