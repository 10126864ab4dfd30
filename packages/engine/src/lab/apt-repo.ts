import { createHash } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { TsibleError } from '../errors/tsible-error.js';
import { lastLines, run } from './exec.js';

/** Shared by every lab on the machine; filled once, kept across labs (it is a cache). */
export const APT_CACHE_DIR = '/var/cache/tsible-lab/debs';

/**
 * Small real packages with few dependencies, for apt tasks in lab hosts.
 * None is installed on a stock Debian machine except perhaps jq; cowsay
 * brings in a dependency the machine lacks, so dependency resolution is real.
 */
export const LAB_PACKAGES = ['hello', 'tree', 'sl', 'cowsay', 'libtext-charwidth-perl', 'jq', 'libjq1', 'libonig5'] as const;

/** Where apt itself keeps downloaded packages; a copy there saves a fetch. */
const APT_ARCHIVES = '/var/cache/apt/archives';

function packageOf(debFile: string): string {
  return debFile.split('_')[0] ?? '';
}

async function debsIn(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((f) => f.endsWith('.deb'));
  } catch {
    return [];
  }
}

/** Fetches the packages missing from the cache: from apt's own archive when there, otherwise with `apt-get download`. */
async function fillCache(cacheDir: string, wanted: readonly string[]): Promise<void> {
  const have = new Set((await debsIn(cacheDir)).map(packageOf));
  const missing = wanted.filter((p) => !have.has(p));
  if (missing.length === 0) return;
  const archived = await debsIn(APT_ARCHIVES);
  const toDownload: string[] = [];
  // Fetch into a private directory, then rename: concurrent `lab up`s never see half a file.
  const tmp = await mkdtemp(join(cacheDir, '.fetch-'));
  try {
    for (const pkg of missing) {
      const deb = archived.filter((f) => packageOf(f) === pkg).sort().pop();
      if (deb) await copyFile(join(APT_ARCHIVES, deb), join(tmp, deb));
      else toDownload.push(pkg);
    }
    if (toDownload.length > 0) await download(tmp, toDownload, cacheDir);
    for (const deb of await debsIn(tmp)) await rename(join(tmp, deb), join(cacheDir, deb));
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

async function download(dir: string, packages: string[], cacheDir: string): Promise<void> {
  // `apt-get download` writes to the current directory; run it there via sh -c.
  const attempt = () => run(['sh', '-c', 'cd "$1" && shift && apt-get download -q "$@"', 'sh', dir, ...packages], { allowFailure: true });
  let res = await attempt();
  if (res.code !== 0) {
    await run(['apt-get', 'update', '-q'], { allowFailure: true });
    res = await attempt();
  }
  if (res.code !== 0) {
    throw new TsibleError(`cannot fetch the lab's apt packages (${packages.join(', ')}): ${lastLines(res.stderr)}`, {
      code: 'TSIBLE_LAB_APT_FETCH',
      owner: 'user',
      hint: `fix apt on this machine, or put the .deb files of ${packages.join(' ')} into ${cacheDir} yourself`,
    });
  }
}

function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Writes Packages, Packages.gz and a Release (so apt does not probe for other index formats). */
async function writeIndex(cacheDir: string): Promise<void> {
  const scan = await run(['sh', '-c', 'cd "$1" && dpkg-scanpackages -m . /dev/null', 'sh', cacheDir]);
  const packages = Buffer.from(scan.stdout, 'utf8');
  const packagesGz = gzipSync(packages, { level: 9 });
  const release = [
    'Origin: tsible-lab',
    'Label: tsible-lab',
    'Suite: lab',
    'Codename: lab',
    `Date: ${new Date().toUTCString().replace('GMT', '+0000')}`,
    'SHA256:',
    ` ${sha256(packages)} ${packages.length} Packages`,
    ` ${sha256(packagesGz)} ${packagesGz.length} Packages.gz`,
    '',
  ].join('\n');
  const files: Array<[string, string | Buffer]> = [
    ['Packages', packages],
    ['Packages.gz', packagesGz],
    ['Release', release],
  ];
  for (const [name, body] of files) {
    const tmp = join(cacheDir, `.${name}.${process.pid}`);
    await writeFile(tmp, body);
    await rename(tmp, join(cacheDir, name));
  }
}

/** The .deb files an existing index describes, or null when there is no index. */
async function indexedDebs(cacheDir: string): Promise<string[] | null> {
  try {
    const text = await readFile(join(cacheDir, 'Packages'), 'utf8');
    return [...text.matchAll(/^Filename: \.\/(.+)$/gm)].map((m) => m[1] ?? '').sort();
  } catch {
    return null;
  }
}

/** Makes sure the lab's apt repository exists and is indexed; returns its directory. */
export async function ensureAptRepo(cacheDir = APT_CACHE_DIR, wanted: readonly string[] = LAB_PACKAGES): Promise<string> {
  await mkdir(cacheDir, { recursive: true, mode: 0o755 });
  await fillCache(cacheDir, wanted);
  const debs = (await debsIn(cacheDir)).sort();
  const indexed = await indexedDebs(cacheDir);
  if (indexed === null || indexed.join('\n') !== debs.join('\n')) await writeIndex(cacheDir);
  return cacheDir;
}

/**
 * apt's package lists for a host whose only source is `sourcesList`, built
 * into `listsDir` without touching the machine's own lists or caches.
 */
export async function buildAptLists(sourcesList: string, listsDir: string): Promise<string[]> {
  await mkdir(join(listsDir, 'partial'), { recursive: true });
  const res = await run(
    [
      'apt-get',
      'update',
      '-q',
      '-o', `Dir::Etc::SourceList=${sourcesList}`,
      '-o', 'Dir::Etc::SourceParts=/nonexistent',
      '-o', `Dir::State::Lists=${listsDir}`,
      '-o', 'Dir::Cache::pkgcache=',
      '-o', 'Dir::Cache::srcpkgcache=',
    ],
    { allowFailure: true },
  );
  if (res.code !== 0) {
    throw new TsibleError(`cannot index the lab's apt repository: ${lastLines(res.stderr || res.stdout)}`, {
      code: 'TSIBLE_LAB_APT_INDEX',
      owner: 'tsible',
    });
  }
  return (await readdir(listsDir)).filter((f) => f.startsWith('_'));
}
