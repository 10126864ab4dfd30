/**
 * Secrets known to this run (vault plaintext, connection and become
 * passwords). Everything the CLI prints passes through `mask`, so a secret
 * that reaches a result, an error or a debug line is shown as `********`
 * even without no_log. One tsible process is one run, hence one registry.
 */
export const SECRET_MASK = '********';

/** Shorter values would mask ordinary words and numbers all over the output. */
const MIN_SECRET_LENGTH = 4;
const PLAIN_SETTING = /^ansible_/;
const SECRET_SETTING = /pass|secret|token/i;

export class SecretRegistry {
  private readonly forms = new Set<string>();

  /** Remembers a secret; non-strings and very short strings are ignored. */
  add(value: unknown): void {
    if (typeof value !== 'string' || value.length < MIN_SECRET_LENGTH) return;
    this.forms.add(value);
    // JSON output escapes quotes, backslashes and control characters.
    const escaped = JSON.stringify(value).slice(1, -1);
    if (escaped !== value) this.forms.add(escaped);
  }

  /**
   * Every string leaf under `value` (a vaulted file's parsed content),
   * except Ansible's own connection settings such as `ansible_connection:
   * local` or `ansible_user`, which would mask host names and common words
   * all over the output; their passwords and passphrases are still secrets.
   */
  addLeaves(value: unknown): void {
    if (typeof value === 'string') this.add(value);
    else if (Array.isArray(value)) value.forEach((v) => this.addLeaves(v));
    else if (value !== null && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if (!PLAIN_SETTING.test(key) || SECRET_SETTING.test(key)) this.addLeaves(inner);
      }
    }
  }

  get size(): number {
    return this.forms.size;
  }

  /** `text` with every known secret replaced by the mask; longest first so a secret inside another is not half shown. */
  mask(text: string): string {
    if (this.forms.size === 0) return text;
    let masked = text;
    for (const secret of [...this.forms].sort((a, b) => b.length - a.length)) {
      if (masked.includes(secret)) masked = masked.split(secret).join(SECRET_MASK);
    }
    return masked;
  }
}

/** The registry of the running tsible process. */
export const runSecrets = new SecretRegistry();
