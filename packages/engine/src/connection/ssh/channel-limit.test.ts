import { ChannelLimit } from './channel-limit.js';

const tick = (ms = 5): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('ChannelLimit', () => {
  it('never runs more than the limit at once, and lowers to what the server accepted', async () => {
    const limit = new ChannelLimit(3);
    let running = 0;
    let peak = 0;
    const job = () =>
      limit.use(async () => {
        running += 1;
        peak = Math.max(peak, running);
        await tick();
        running -= 1;
      });
    await Promise.all(Array.from({ length: 10 }, job));
    expect(peak).toBe(3);
    limit.lower(0);
    expect(limit.limit).toBe(3);
    limit.lower(2);
    peak = 0;
    await Promise.all(Array.from({ length: 10 }, job));
    expect(peak).toBe(2);
  });
});
