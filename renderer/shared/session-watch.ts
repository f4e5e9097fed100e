import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { RequestRefused } from '../api-client.ts';
import { SessionTimer, type SessionTimerEvents } from './session-timer.ts';

/** What the watch is told: as the timer's events, but the keep-alive is the server's own answer. */
export interface SessionWatchEvents extends Omit<SessionTimerEvents, 'keepAlive'> {
  /** Tells the server the person is still here; a refusal with 401 means the session has ended. */
  keepAlive(): Promise<{ idleRemainingMs: number }>;
}

const ACTIVITY = ['keydown', 'pointerdown', 'input'] as const;

/**
 * A signed-in session watched from the element it serves, the referrer's portal or the staff
 * pages alike: the person's typing and clicking there keep it alive (SessionTimer sends at most
 * one keep-alive a minute), and the timer warns before the idle limit and says when it has ended.
 */
export class SessionWatch implements ReactiveController {
  private readonly timer: SessionTimer;

  constructor(
    private readonly host: ReactiveControllerHost & EventTarget,
    events: SessionWatchEvents,
  ) {
    this.timer = new SessionTimer({
      ...events,
      keepAlive: async () => {
        try {
          return (await events.keepAlive()).idleRemainingMs;
        } catch (error) {
          if (error instanceof RequestRefused && error.status === 401) return null;
          throw error;
        }
      },
    });
    host.addController(this);
  }

  hostConnected(): void {
    for (const type of ACTIVITY) this.host.addEventListener(type, this.onActivity, { capture: true });
  }

  hostDisconnected(): void {
    for (const type of ACTIVITY) this.host.removeEventListener(type, this.onActivity, { capture: true });
    this.timer.stop();
  }

  /** Starts watching a session with this much idle time left, as the server said. */
  start(idleRemainingMs: number): void {
    this.timer.start(idleRemainingMs);
  }

  stop(): void {
    this.timer.stop();
  }

  /** Carries on from the warning: the server extends the session. */
  carryOn(): Promise<void> {
    return this.timer.carryOn();
  }

  private onActivity = (): void => {
    this.timer.activity();
  };
}
