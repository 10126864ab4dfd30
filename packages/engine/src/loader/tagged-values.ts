import type { SourceLocation } from '../errors/source-location.js';

/**
 * A `!vault` scalar: inline vault ciphertext, kept verbatim until a vault
 * secret decrypts it.
 */
export class VaultText {
  constructor(
    readonly ciphertext: string,
    readonly location: SourceLocation | undefined,
    /** Why the run's secrets could not open it, once they were tried. */
    readonly failure?: string,
  ) {}

  toString(): string {
    return this.ciphertext;
  }

  /** As Ansible's JSON encoder writes it (--json output). */
  toJSON(): { __ansible_vault: string } {
    return { __ansible_vault: this.ciphertext };
  }
}

/** A `!unsafe` string: used as-is, never templated. */
export class UnsafeText {
  constructor(readonly text: string) {}

  toString(): string {
    return this.text;
  }

  toJSON(): string {
    return this.text;
  }
}
