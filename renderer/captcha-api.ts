/** The captcha's part of the portal's API: apart, so that a page embedding one form without the captcha downloads none of it. */
import type { CaptchaVerified } from '../engine/runtime.ts';
import { fromPage, getJson, resolve, send } from './api-client.ts';
import { PAGE_DATA } from './page-data.ts';

/** The captcha's API: which check the server wants, and its verdict on an answer (a token, once only). */
export const captchaApi = {
  challengeUrl: (apiBase: string) => resolve(apiBase, '/api/captcha/challenge'),
  /** The portal's form pages say (page-data.ts); elsewhere the server is asked. */
  provider: async (apiBase: string) =>
    (
      fromPage<{ provider: string }>(apiBase, PAGE_DATA.captcha, undefined, true) ??
      (await getJson<{ provider: string }>(resolve(apiBase, '/api/captcha/challenge')))
    ).provider,
  verify: (apiBase: string, payload: string | null) =>
    send<CaptchaVerified>(apiBase, '/api/captcha/verify', { payload }),
};
