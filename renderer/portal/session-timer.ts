/**
 * Watches a signed-in session from the browser: tells the server the person is still at work
 * (at most once a minute, while they type or click), warns two minutes before 20 idle minutes are
 * up, and says when the session has ended. The server decides; this only keeps in step with it.
 */
export const WARN_BEFORE_MS = 2 * 60_000;
const KEEP_ALIVE_EVERY_MS = 60_000;
const TICK_MS = 5_000;

export interface SessionTimerEvents {
  warn(): void;
  expire(): void;
  /** Tells the server the person is active; returns the new idle deadline. */
  keepAlive(): Promise<number>;
}

export class SessionTimer {
  private deadline = 0;
  private lastKeepAlive = 0;
  private warned = false;
  private timer?: ReturnType<typeof setInterval>;

  constructor(private readonly events: SessionTimerEvents) {}

  get running(): boolean {
    return this.timer !== undefined;
  }

  start(idleExpiresAt: number): void {
    this.stop();
    this.deadline = idleExpiresAt;
    this.lastKeepAlive = Date.now();
    this.warned = false;
    this.timer = setInterval(() => this.tick(), TICK_MS);
  }

  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** The person did something: once a minute, that keeps the session alive on the server. */
  activity(): void {
    if (!this.running || this.warned || Date.now() - this.lastKeepAlive < KEEP_ALIVE_EVERY_MS) return;
    void this.carryOn();
  }

  /** Carries on: the server extends the session, and the warning starts over. */
  async carryOn(): Promise<void> {
    this.lastKeepAlive = Date.now();
    try {
      this.deadline = await this.events.keepAlive();
      this.warned = false;
    } catch {
      this.stop();
      this.events.expire();
    }
  }

  private tick(): void {
    const now = Date.now();
    if (now >= this.deadline) {
      this.stop();
      this.events.expire();
    } else if (!this.warned && now >= this.deadline - WARN_BEFORE_MS) {
      this.warned = true;
      this.events.warn();
    }
  }
}
