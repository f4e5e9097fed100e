/**
 * Watches a signed-in session from the browser: tells the server the person is still at work
 * (at most once a minute, while they type or click), warns two minutes before 20 idle minutes are
 * up, and says when the session has ended. The server decides: before warning or ending, the
 * timer asks it how long is really left (another tab may have kept the session alive), and it
 * counts in time remaining, so a computer whose clock is wrong still counts right.
 */
/** How long before the idle limit the person is warned. */
export const WARN_BEFORE_MS = 2 * 60_000;
const KEEP_ALIVE_EVERY_MS = 60_000;
const TICK_MS = 5_000;

export interface SessionTimerEvents {
  warn(): void;
  /** The session has ended on the server. */
  expire(): void;
  /** Tells the server the person is active; returns the time left, or null when the session has ended. Network trouble throws. */
  keepAlive(): Promise<number | null>;
  /** Asks the server the time left without counting as activity; null when the session has ended. */
  timeLeft(): Promise<number | null>;
}

export class SessionTimer {
  private deadline = 0;
  private lastKeepAlive = 0;
  private warned = false;
  private checking = false;
  private timer?: ReturnType<typeof setInterval>;

  constructor(private readonly events: SessionTimerEvents) {}

  get running(): boolean {
    return this.timer !== undefined;
  }

  start(remainingMs: number): void {
    this.stop();
    this.deadline = Date.now() + remainingMs;
    this.lastKeepAlive = Date.now();
    this.warned = false;
    this.timer = setInterval(() => void this.tick(), TICK_MS);
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
    await this.ask(() => this.events.keepAlive());
    this.warned = false;
  }

  /** Asks the server; ends only when it says the session is over (a dropped connection is tried again later). */
  private async ask(question: () => Promise<number | null>): Promise<boolean> {
    try {
      const left = await question();
      if (left === null) {
        this.stop();
        this.events.expire();
        return false;
      }
      this.deadline = Date.now() + left;
      return true;
    } catch {
      return true;
    }
  }

  private async tick(): Promise<void> {
    if (this.checking || Date.now() < this.deadline - WARN_BEFORE_MS) return;
    this.checking = true;
    try {
      if (!(await this.ask(() => this.events.timeLeft()))) return;
      const now = Date.now();
      if (now >= this.deadline) {
        this.stop();
        this.events.expire();
      } else if (!this.warned && now >= this.deadline - WARN_BEFORE_MS) {
        this.warned = true;
        this.events.warn();
      }
    } finally {
      this.checking = false;
    }
  }
}
