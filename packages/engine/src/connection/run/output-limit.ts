import { TsibleError } from '../../errors/tsible-error.js';

/** Collects a stream's chunks; the run fails once all streams together pass the limit. */
export class BoundedOutput {
  private readonly chunks: Buffer[] = [];
  private bytes = 0;

  constructor(private readonly budget: { used: number; limit: number }) {}

  /** Returns false when the shared limit was exceeded. */
  add(chunk: Buffer): boolean {
    this.budget.used += chunk.length;
    if (this.budget.used > this.budget.limit) return false;
    this.chunks.push(chunk);
    this.bytes += chunk.length;
    return true;
  }

  get length(): number {
    return this.bytes;
  }

  toBuffer(): Buffer {
    return Buffer.concat(this.chunks, this.bytes);
  }
}

export function outputLimitError(host: string, limit: number): TsibleError {
  return new TsibleError(`${host}: command output exceeded ${limit} bytes and the command was stopped`, {
    code: 'TSIBLE_OUTPUT_LIMIT',
    owner: 'target',
    hint: 'raise maxOutputBytes, or redirect large output to a file on the host',
  });
}
