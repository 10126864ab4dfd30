/** Runs `tsible run` with one module against a lab host and reads its JSON result. */
import { spawnSync } from 'node:child_process';
import { tsibleRunJson } from '../support/tsible-run.js';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { LabHost } from '../../packages/engine/src/lab/index.js';
import { sshArgv, useLabHosts } from '../lab/lab.js';

export interface ModuleRun {
  code: number;
  result: Record<string, unknown>;
  stdout: string;
  stderr: string;
}

/** `tsible run HOST -m MODULE -a ARGS --json [extra]`; the host's result from the JSON document. */
export function runModule(host: LabHost, module: string, args: string, extra: readonly string[] = []): ModuleRun {
  return tsibleRunJson(host.name, module, args, extra, { timeoutMs: 240_000 });
}

/** Runs a shell command on the host over ssh, with optional stdin, and returns its stdout (throws on failure). */
export function onHost(host: LabHost, command: string, input?: string): string {
  const [program = 'ssh', ...args] = sshArgv(host, command);
  const r = spawnSync(program, args, { encoding: 'utf8', timeout: 60_000, ...(input === undefined ? {} : { input }) });
  if (r.status !== 0) throw new Error(`${command} on ${host.name} failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

/** `dpkg -l`-style state of every package: name, status and version, one per line. */
export function packageState(host: LabHost): string {
  return onHost(host, "dpkg-query -W -f='${Package} ${db:Status-Abbrev} ${Version}\\n' | sort");
}

/** The status (e.g. 'installed', 'config-files', 'not-installed') and version of one package. */
export function packageStatus(host: LabHost, name: string): string {
  return onHost(host, `dpkg-query -W -f='\${db:Status-Status} \${Version}' ${name} 2>/dev/null || echo not-installed`).trim();
}

/** Sets a test's starting point with apt-get itself, not with the module under test. */
export function removeWithAptGet(host: LabHost, ...names: string[]): void {
  onHost(host, `DEBIAN_FRONTEND=noninteractive apt-get -y -q remove ${names.join(' ')} >/dev/null 2>&1; true`);
}
export function installWithAptGet(host: LabHost, ...names: string[]): void {
  onHost(host, `DEBIAN_FRONTEND=noninteractive apt-get -y -q install ${names.join(' ')} >/dev/null`);
}

/** Reserves one pristine lab host for the enclosing describe block; call the result inside tests. */
export function useOneLabHost(): () => LabHost {
  const hosts = useLabHosts(1);
  return () => {
    const host = hosts()[0];
    if (!host) throw new Error('no lab host reserved');
    return host;
  };
}

/** Where test fixtures are put on a lab host: hosts do not see the controller's checkout (its /tmp is their own). */
export const HOST_FIXTURES = '/var/lib/tsible-test-fixtures';

/** Copies a fixture file from this checkout to HOST_FIXTURES on the host over ssh, executable. */
export function putFixture(host: LabHost, localPath: string): string {
  const remote = `${HOST_FIXTURES}/${basename(localPath)}`;
  onHost(host, `mkdir -p ${HOST_FIXTURES} && cat > ${remote} && chmod 755 ${remote}`, readFileSync(localPath, 'utf8'));
  return remote;
}
