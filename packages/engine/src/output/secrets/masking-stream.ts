import type { SecretRegistry } from './secret-registry.js';

/**
 * `target` with every write passed through the registry's mask. Writes are
 * forwarded synchronously (no buffering of our own), so output order and
 * flushing at exit stay those of the real stream.
 */
export function maskingStream(target: NodeJS.WritableStream, registry: SecretRegistry): NodeJS.WritableStream {
  const write = (chunk: unknown, ...rest: unknown[]): boolean => {
    const text = typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) || chunk instanceof Uint8Array ? Buffer.from(chunk).toString('utf8') : String(chunk);
    const masked = registry.mask(text);
    const forward = target.write as (c: string, ...r: unknown[]) => boolean;
    return forward.call(target, masked, ...rest);
  };
  return new Proxy(target, {
    get(t, prop) {
      if (prop === 'write') return write;
      const value: unknown = Reflect.get(t, prop, t);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(t) : value;
    },
  });
}
