import { readdirSync, readFileSync } from 'node:fs';

export interface ProcHit {
  pid: string;
  where: 'cmdline' | 'environ';
  text: string;
}

/**
 * Samples every process's argv and environment in /proc until stopped,
 * recording any that contain a canary. Lab hosts run in child PID
 * namespaces of this machine, so their processes show up here too.
 */
export class ProcSampler {
  readonly hits: ProcHit[] = [];
  samples = 0;
  readonly commandLines = new Set<string>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly canaries: readonly string[],
    private readonly ownPid = String(process.pid),
  ) {}

  start(intervalMs = 15): void {
    this.timer = setInterval(() => this.sample(), intervalMs);
  }

  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }

  sample(): void {
    this.samples += 1;
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid) || pid === this.ownPid) continue;
      for (const where of ['cmdline', 'environ'] as const) {
        let text: string;
        try {
          text = readFileSync(`/proc/${pid}/${where}`, 'latin1').replace(/\0/g, ' ');
        } catch {
          continue; // ended between listing and reading
        }
        if (where === 'cmdline') this.commandLines.add(text);
        if (this.canaries.some((c) => text.includes(c))) this.hits.push({ pid, where, text: text.slice(0, 300) });
      }
    }
  }
}
