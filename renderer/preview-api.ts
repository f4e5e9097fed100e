/** The authors' preview's part of the server (npm run preview only): what it shows, and its events. */
import type { PreviewState } from './preview/preview-state.ts';
import { getJson, resolve } from './api-client.ts';

export const previewApi = {
  state: () => getJson<PreviewState>(resolve('', '/preview/api/state')),
  /** `reload` once a saved change is ready to see; `problems` when only the checker's list changed. */
  events: () => new EventSource(resolve('', '/preview/events')),
};
