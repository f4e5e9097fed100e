import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AccountUser, SignedIn } from '../../engine/runtime.ts';
import { accountApi, signOut } from '../account-api.ts';
import { SessionWatch } from '../shared/session-watch.ts';
import { openAccountChannel, type AccountChange, type AccountChannel } from './account-channel.ts';
import type { Route } from './routes.ts';

/**
 * Why the signed-out page is shown: the person chose to sign out, the session timed out, the
 * person saved and signed out, or another tab changed who is signed in.
 */
export type SignedOutBecause = 'chose' | 'timeout' | 'saved' | 'elsewhere';

/** What the session needs from the element it serves. */
export interface SessionHost extends ReactiveControllerHost, EventTarget {
  /** Where the portal's API is. */
  readonly apiBase: string;
}

/** What the portal does when the session changes. */
export interface SessionEvents {
  /** Someone signed in, here or in another tab. */
  signedIn(user: AccountUser): void;
  /** Nobody is signed in any more: what was on screen must go, so nobody else sees it. */
  cleared(): void;
  /** A little before the idle limit (WARN_BEFORE_MS), to warn the person. */
  warn(): void;
  navigate(route: Route): void;
}

/**
 * Who is signed in, and for how long: the session's timer (shared/session-watch.ts, kept alive
 * by the person's activity), signing out, and following the portal's other tabs when someone signs in or out in one of them.
 */
export class SessionController implements ReactiveController {
  /** The signed-in person; null when nobody is signed in. */
  user: AccountUser | null = null;
  /** Whether the server has said who is signed in (a saved form waits for it before sending anyone to sign in). */
  checked = false;
  /** Why the signed-out page is shown. */
  signedOutBecause: SignedOutBecause = 'timeout';
  /** Whether the last sign-out failed to reach the server. */
  signOutFailed = false;

  /** The portal's other tabs in this browser, told when someone signs in or out here. */
  private otherTabs?: AccountChannel;

  private readonly timer: SessionWatch;

  constructor(
    private readonly host: SessionHost,
    private readonly events: SessionEvents,
  ) {
    this.timer = new SessionWatch(host, {
      warn: () => this.events.warn(),
      expire: () => this.end(),
      keepAlive: () => accountApi.keepAlive(this.host.apiBase),
      timeLeft: () => accountApi.sessionLeft(this.host.apiBase),
    });
    host.addController(this);
  }

  hostConnected(): void {
    this.otherTabs = openAccountChannel(this.onAccountChangedElsewhere);
  }

  hostDisconnected(): void {
    this.otherTabs?.close();
  }

  /** Asks the server who is signed in, once, as the portal opens. */
  async check(): Promise<void> {
    try {
      const account = await accountApi.current(this.host.apiBase).catch(() => null);
      if (account) this.signedIn(account.user, account.idleRemainingMs);
    } finally {
      this.checked = true;
      this.host.requestUpdate();
    }
  }

  /** Someone signed in with the account screens of this tab; the timer starts from the server's word. */
  signedInHere({ user, idleRemainingMs }: SignedIn): void {
    this.signedIn(user, idleRemainingMs);
    this.otherTabs?.tell('signed-in');
  }

  /** Someone signed out with the account screens of this tab (which told the server): the signed-out page says so. */
  signedOutHere(): void {
    this.otherTabs?.tell('signed-out');
    this.clear();
    this.signedOutBecause = 'chose';
    this.events.navigate({ name: 'signed-out' });
  }

  /**
   * Signs out, then the signed-out page says so (`because` the person chose to, or saved first);
   * if the server cannot be reached the person is told, since on a shared computer it matters.
   */
  async signOut(because: Extract<SignedOutBecause, 'chose' | 'saved'> = 'chose'): Promise<void> {
    if (!(await signOut(this.host.apiBase))) {
      this.signOutFailed = true;
      this.host.requestUpdate();
      return;
    }
    this.signOutFailed = false;
    this.otherTabs?.tell('signed-out');
    this.clear();
    this.signedOutBecause = because;
    this.events.navigate({ name: 'signed-out' });
  }

  /** Carries on from the timeout warning: the server extends the session. */
  carryOn(): Promise<void> {
    return this.timer.carryOn();
  }

  /** The server ended the session (it does so itself after the idle limit): clear the screen and say why. */
  end(because: SignedOutBecause = 'timeout'): void {
    this.signedOutBecause = because;
    this.clear();
    this.events.navigate({ name: 'signed-out' });
  }

  private signedIn(user: AccountUser, idleRemainingMs: number): void {
    this.user = user;
    this.timer.start(idleRemainingMs);
    this.host.requestUpdate();
    this.events.signedIn(user);
  }

  private clear(): void {
    this.user = null;
    this.timer.stop();
    this.host.requestUpdate();
    this.events.cleared();
  }

  /** Another tab signed in or out: this one follows, and never shows one person's answers to another. */
  private onAccountChangedElsewhere = async (change: AccountChange): Promise<void> => {
    if (change === 'signed-out') {
      if (this.user) this.end('elsewhere');
      return;
    }
    const account = await accountApi.current(this.host.apiBase).catch(() => null);
    if (!account) return;
    if (!this.user) this.signedIn(account.user, account.idleRemainingMs);
    else if (account.user.email !== this.user.email) this.end('elsewhere');
  };
}
