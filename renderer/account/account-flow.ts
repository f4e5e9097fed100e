import type { TemplateResult } from 'lit';
import type { AccountUser, SignedIn } from '../../engine/runtime.ts';

/** What the account flows need from the element that shows them. */
export interface AccountFlowHost {
  /** Where the portal's API is. */
  readonly apiBase: string;
  /** Where Continue goes once signed in. */
  readonly returnTo: string;
  /** Why the person was sent to sign in. */
  readonly reason: string;
  /** The signed-in person. */
  readonly user?: AccountUser;
  /** The council's time zone, in which the lists write when forms were saved and sent. */
  readonly timeZone?: string;
  /** An account page's address that keeps where to go back to afterwards. */
  withReturn(path: string): string;
  /** Asks the page to go to an address of the portal. */
  go(to: string): void;
  /** Tells the page the person signed in, or finished registering, with the new session's timing. */
  signedIn(signedIn: SignedIn): void;
  /** Tells the page the person signed out. */
  signedOut(): void;
}

/** One of the account's flows (signing in, registering, …): its steps, each a screen. */
export interface AccountFlow {
  /** Back to the first step, with empty boxes but for those named in `keep`. */
  restart(keep?: readonly string[]): void;
  /** The screen of the step the flow is at. */
  render(): TemplateResult;
}

/** What a flow that timed out on the server keeps when it starts again. */
export const KEPT_ON_RESTART = ['forename', 'surname', 'email'] as const;
