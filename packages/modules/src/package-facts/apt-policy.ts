/**
 * Reading `apt-cache policy` output: which repository origin (Release `o=`)
 * each installed version came from, as python-apt's `origins[0].origin`.
 */

/** The header's package files: the trimmed `PRIO URI ...` line → the release's `o=` value ('' when none). */
export function originsByPackageFile(header: string): Map<string, string> {
  const origins = new Map<string, string>();
  let current: string | undefined;
  for (const line of header.split('\n')) {
    const file = /^ (\d+ .+)$/.exec(line);
    if (file?.[1] !== undefined) {
      current = file[1].trim();
      origins.set(current, '');
      continue;
    }
    const release = /^\s+release (.*)$/.exec(line);
    if (release?.[1] !== undefined && current !== undefined) {
      const o = release[1].split(',').find((part) => part.startsWith('o='));
      origins.set(current, o === undefined ? '' : o.slice(2));
    }
  }
  return origins;
}

/** For each package of a per-package policy listing: the origin of its installed version (the `***` entry's first file). */
export function installedOrigins(policy: string, origins: ReadonlyMap<string, string>): Map<string, string> {
  const result = new Map<string, string>();
  let pkg: string | undefined;
  let inInstalled = false;
  for (const line of policy.split('\n')) {
    const name = /^(\S+):$/.exec(line);
    if (name?.[1] !== undefined) {
      pkg = name[1];
      inInstalled = false;
      continue;
    }
    if (pkg === undefined) continue;
    if (/^ \*\*\* /.test(line)) {
      inInstalled = true;
      continue;
    }
    if (/^ {5}\S/.test(line)) {
      inInstalled = false;
      continue;
    }
    const file = /^ {8}(\d+ .+)$/.exec(line);
    if (inInstalled && file?.[1] !== undefined && !result.has(pkg)) result.set(pkg, origins.get(file[1].trim()) ?? '');
  }
  return result;
}
