/**
 * sshd allows a limited number of sessions per connection (MaxSessions,
 * default 10); extra exec requests wait here instead of failing. When the
 * server refuses a channel anyway (a lower MaxSessions), the limit drops to
 * what it did accept.
 */
export class ChannelLimit {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private max: number) {}

  async use<T>(work: () => Promise<T>): Promise<T> {
    while (this.active >= this.max) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active += 1;
    try {
      return await work();
    } finally {
      this.active -= 1;
      this.waiting.shift()?.();
    }
  }

  get limit(): number {
    return this.max;
  }

  /**
   * A channel was refused while `openNow` others were open: the server
   * accepts no more than that. With none open the refusal says nothing
   * about the limit (sessions still closing on the server count too).
   */
  lower(openNow: number): void {
    if (openNow >= 1) this.max = Math.min(this.max, openNow);
  }
}
