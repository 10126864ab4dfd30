import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { InventoryError } from '../errors.js';
import type { Host } from '../model/host.js';
import { applySubscript, orderPatterns, splitHostPattern, splitSubscript } from './split.js';
import { matchNames } from './matcher.js';

export type PatternMismatch = 'warning' | 'error' | 'ignore';

/** What the pattern engine needs to know about an inventory. */
export interface PatternTarget {
  groupNames(): Iterable<string>;
  hostNames(): Iterable<string>;
  hostsOfGroup(name: string): Host[];
  /** A host by name, creating the implicit localhost when asked for it. */
  lookupHost(name: string): Host | undefined;
  hasHost(name: string): boolean;
  warn(code: string, message: string): void;
}

/**
 * Ansible's host selection: plain patterns in order (union, first
 * occurrence wins), then intersections (&), then exclusions (!), then the
 * --limit subset; duplicates removed at the end.
 */
export class HostSelector {
  private readonly cache = new Map<string, Host[]>();

  constructor(
    private readonly target: PatternTarget,
    private readonly mismatch: PatternMismatch = 'warning',
    private readonly cwd: string = process.cwd(),
  ) {}

  /** Forget cached pattern results after the inventory changed (add_host, group_by). */
  clearCache(): void {
    this.cache.clear();
  }

  select(pattern: string | readonly string[], limit?: string | readonly string[]): Host[] {
    let hosts = this.evaluate(splitHostPattern(pattern));
    if (limit !== undefined && (typeof limit !== 'string' || limit !== '')) {
      const subset = new Set(this.evaluate(this.subsetPatterns(limit)));
      hosts = hosts.filter((h) => subset.has(h));
    }
    return dedupe(hosts);
  }

  /** --limit accepts @file entries: one pattern per line. */
  private subsetPatterns(limit: string | readonly string[]): string[] {
    const out: string[] = [];
    for (const p of splitHostPattern(limit)) {
      if (p[0] !== '@') {
        out.push(p);
        continue;
      }
      const file = resolve(this.cwd, p.slice(1));
      let isFile: boolean;
      try {
        isFile = statSync(file).isFile();
      } catch {
        throw new InventoryError(`Unable to find limit file ${p.slice(1)}`, 'TSIBLE_LIMIT_FILE');
      }
      if (!isFile) throw new InventoryError(`Limit starting with "@" must be a file, not a directory: ${p.slice(1)}`, 'TSIBLE_LIMIT_FILE');
      out.push(...readFileSync(file, 'utf8').split('\n').map((l) => l.trim()));
    }
    return out;
  }

  private evaluate(patterns: readonly string[]): Host[] {
    let hosts: Host[] = [];
    for (const p of orderPatterns(patterns)) {
      // A plain host name skips matching entirely (and is not deduplicated here).
      if (this.target.hasHost(p)) {
        hosts.push(this.target.lookupHost(p) as Host);
        continue;
      }
      const that = this.matchOne(p);
      if (p[0] === '!') {
        const drop = new Set(that);
        hosts = hosts.filter((h) => !drop.has(h));
      } else if (p[0] === '&') {
        const keep = new Set(that);
        hosts = hosts.filter((h) => keep.has(h));
      } else {
        const existing = new Set(hosts.map((h) => h.name));
        for (const h of that) if (!existing.has(h.name)) hosts.push(h);
      }
    }
    return hosts;
  }

  private matchOne(raw: string): Host[] {
    const pattern = raw[0] === '&' || raw[0] === '!' ? raw.slice(1) : raw;
    const cached = this.cache.get(pattern);
    if (cached) return cached;
    const { expr, subscript } = splitSubscript(pattern);
    if (subscript?.dashForm) this.target.warn('inventory.pattern_subscript', 'Use [x:y] inclusive subscripts instead of [x-y] which has been removed');
    let hosts: Host[];
    try {
      hosts = applySubscript(this.enumerate(expr), subscript);
    } catch (err) {
      if (err instanceof RangeError) throw new InventoryError(`No hosts matched the subscripted pattern '${pattern}'`, 'TSIBLE_PATTERN_SUBSCRIPT');
      throw err;
    }
    this.cache.set(pattern, hosts);
    return hosts;
  }

  private enumerate(pattern: string): Host[] {
    if (pattern === '') return [];
    const results: Host[] = [];
    const groups = matchNames(this.target.groupNames(), pattern);
    for (const g of groups) results.push(...this.target.hostsOfGroup(g));
    if (groups.length === 0 || pattern[0] === '~' || /[.?*[]/.test(pattern)) {
      for (const name of matchNames(this.target.hostNames(), pattern)) results.push(this.target.lookupHost(name) as Host);
    }
    if (results.length === 0) {
      const implicit = this.target.lookupHost(pattern);
      if (implicit) results.push(implicit);
    }
    if (results.length === 0 && groups.length === 0 && pattern !== 'all') {
      const message = `Could not match supplied host pattern, ignoring: ${pattern}`;
      if (this.mismatch === 'error') throw new InventoryError(message, 'TSIBLE_PATTERN_MISMATCH');
      if (this.mismatch === 'warning') this.target.warn('inventory.pattern_mismatch', message);
    }
    return results;
  }
}

function dedupe(hosts: readonly Host[]): Host[] {
  const seen = new Set<Host>();
  const out: Host[] = [];
  for (const h of hosts) {
    if (seen.has(h)) continue;
    seen.add(h);
    out.push(h);
  }
  return out;
}
