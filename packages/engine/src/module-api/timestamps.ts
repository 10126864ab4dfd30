/**
 * Ansible's start/end/delta strings: Python's str(datetime) and
 * str(timedelta), e.g. `2024-01-01 12:00:00.123456` and `0:00:00.002345`.
 */

/** A wall-clock instant with microseconds. */
export interface Instant {
  epochMs: number;
  /** Microseconds within the millisecond (0-999). */
  extraMicros: number;
}

const originMs = Date.now();
const originNs = process.hrtime.bigint();

export function now(): Instant {
  const elapsedNs = process.hrtime.bigint() - originNs;
  const totalMicros = BigInt(originMs) * 1000n + elapsedNs / 1000n;
  return { epochMs: Number(totalMicros / 1000n), extraMicros: Number(totalMicros % 1000n) };
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function fraction(micros: number): string {
  return micros === 0 ? '' : `.${pad(micros, 6)}`;
}

/** Local time, as Python's datetime.now() prints. */
export function formatInstant(instant: Instant): string {
  const d = new Date(instant.epochMs);
  const micros = d.getMilliseconds() * 1000 + instant.extraMicros;
  const date = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
  return `${date} ${time}${fraction(micros)}`;
}

export function totalMicros(instant: Instant): number {
  return instant.epochMs * 1000 + instant.extraMicros;
}

export function formatDelta(start: Instant, end: Instant): string {
  const micros = Math.max(0, totalMicros(end) - totalMicros(start));
  const seconds = Math.floor(micros / 1_000_000);
  const days = Math.floor(seconds / 86_400);
  const rest = seconds % 86_400;
  const clock = `${Math.floor(rest / 3600)}:${pad(Math.floor((rest % 3600) / 60))}:${pad(rest % 60)}${fraction(micros % 1_000_000)}`;
  return days === 0 ? clock : `${days} day${days === 1 ? '' : 's'}, ${clock}`;
}
