/** The real app on a real port, started once for every suite that only reads from it. */
import type { App } from '../../server/index.ts';
import { startTestApp } from './test-app.ts';

let started: Promise<{ baseUrl: string; app: App }> | undefined;

export function builtApp(): Promise<{ baseUrl: string; app: App }> {
  started ??= startTestApp({
    FRAME_ANCESTORS: 'https://www.sefton.gov.uk',
    EMBED_ORIGINS: 'https://www.sefton.gov.uk',
  });
  return started;
}
