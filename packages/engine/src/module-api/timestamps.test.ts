import { formatDelta, formatInstant, type Instant } from './timestamps.js';

const at = (iso: string, extraMicros = 0): Instant => ({ epochMs: new Date(iso).getTime(), extraMicros });

describe("Python's str(datetime) and str(timedelta)", () => {
  it('prints local time with microseconds, and none when they are zero', () => {
    const local = new Date(2024, 0, 2, 3, 4, 5, 678);
    expect(formatInstant({ epochMs: local.getTime(), extraMicros: 9 })).toBe('2024-01-02 03:04:05.678009');
    expect(formatInstant({ epochMs: new Date(2024, 0, 2, 3, 4, 5, 0).getTime(), extraMicros: 0 })).toBe('2024-01-02 03:04:05');
  });

  it('prints deltas as H:MM:SS.ffffff, days when over 24 hours', () => {
    expect(formatDelta(at('2024-01-01T00:00:00.000Z'), at('2024-01-01T00:00:00.002Z', 345))).toBe('0:00:00.002345');
    expect(formatDelta(at('2024-01-01T00:00:00.000Z'), at('2024-01-01T01:02:03.000Z'))).toBe('1:02:03');
    expect(formatDelta(at('2024-01-01T00:00:00.000Z'), at('2024-01-03T00:00:01.500Z'))).toBe('2 days, 0:00:01.500000');
  });
});
