import { Chalk } from 'chalk';
import type { HostStats } from '../../executor/host-stats.js';

/** PLAY RECAP lines: host padded to 26 columns, then `name=N` padded to 4 (wider when coloured, as Ansible). */
export function recapLines(stats: Readonly<Record<string, HostStats>>, colour: boolean): string {
  const chalk = new Chalk({ level: colour ? 1 : 0 });
  const field = (name: string, value: number, paint: (s: string) => string): string => {
    const text = `${name}=${String(value).padEnd(4)}`;
    return colour && value !== 0 ? paint(text) : text;
  };
  let out = '';
  for (const host of Object.keys(stats).sort()) {
    const s = stats[host]!;
    const hostPaint = s.failures > 0 || s.unreachable > 0 ? chalk.red : s.changed > 0 ? chalk.yellow : chalk.green;
    const hostText = colour ? `${hostPaint(host)}${' '.repeat(Math.max(0, 26 - host.length))}` : host.padEnd(26);
    out += `${hostText} : ${[
      field('ok', s.ok, chalk.green),
      field('changed', s.changed, chalk.yellow),
      field('unreachable', s.unreachable, chalk.red),
      field('failed', s.failures, chalk.red),
      field('skipped', s.skipped, chalk.cyan),
      field('rescued', s.rescued, chalk.magenta),
      field('ignored', s.ignored, chalk.magenta),
    ].join(' ')}\n`;
  }
  return out;
}
