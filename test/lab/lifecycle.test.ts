import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LabHost, LabState } from '../../packages/engine/src/lab/index.js';
import { describeLab, sshArgv } from './lab.js';
import { runArgv } from './run-argv.js';

const REPO = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const CLI = join(REPO, 'packages/engine/bin/tsible.js');
const NAME = `tsible-lt-${process.pid}`;
// Next to the shared test lab's state (a plain path, see global-setup.ts).
const DIR = join(dirname(process.env.TSIBLE_TEST_LAB_INFO ?? '/var/lib/tsible-lab/x'), NAME);

const tsible = (...args: string[]) => runArgv([process.execPath, CLI, ...args]);

function sshRunIn(state: LabState, host: LabHost, command: string) {
  return runArgv(sshArgv(host, command, 'root', state));
}

/** Machine PIDs of the processes in a lab host's network whose command line matches. */
async function pidsWithArg(netns: string, cmdline: RegExp): Promise<number[]> {
  const all = (await runArgv(['ip', 'netns', 'pids', netns])).stdout.split('\n').filter(Boolean).map(Number);
  const commandLine = (pid: number) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      return ''; // ended since it was listed
    }
  };
  return all.filter((pid) => cmdline.test(commandLine(pid)));
}

/** Running, not just a zombie waiting for a parent that may never reap it. */
function isLive(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/** A lab of its own (not the shared test lab): this file takes it down and checks that nothing remains. */
describeLab('tsible lab up / status / inventory / down', () => {
  let state: LabState;

  afterAll(async () => {
    await tsible('lab', 'down', '--name', NAME);
  });

  it('up creates the hosts and writes inventory, key and known_hosts', async () => {
    const up = await tsible('lab', 'up', '3', '--private', '1', '--name', NAME, '--dir', DIR);
    expect(up.stderr).toBe('');
    expect(up.code).toBe(0);
    expect(up.stdout).toMatch(new RegExp(`^lab "${NAME}" is up: 3 hosts in [0-9.]+s\\ninventory: ${DIR}/inventory.ini\\n`));
    state = JSON.parse(readFileSync(join(DIR, 'lab.json'), 'utf8')) as LabState;
    expect(state.hosts.map((h) => [h.name, h.private])).toEqual([
      [`${NAME}-1`, false],
      [`${NAME}-2`, false],
      [`${NAME}-3`, true],
    ]);
    const known = readFileSync(state.knownHostsFile, 'utf8');
    for (const h of state.hosts) expect(known).toContain(`${h.name},${h.address} ssh-ed25519 `);
  }, 60_000);

  it('a second up of the same name fails and changes nothing', async () => {
    const again = await tsible('lab', 'up', '2', '--name', NAME, '--dir', `${DIR}-other`);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe(`ERROR! lab "${NAME}" is already up\nrun "tsible lab down --name ${NAME}" first, or choose another --name\n`);
    expect(existsSync(`${DIR}-other`)).toBe(false);
  }, 30_000);

  it('status lists every host with its address and a live sshd', async () => {
    const st = await tsible('lab', 'status', '--name', NAME);
    expect(st.code).toBe(0);
    for (const h of state.hosts) expect(st.stdout).toMatch(new RegExp(`  ${h.name} +${h.address.replace(/\./g, '\\.')} +up`));
    expect(st.stdout).toContain(`(private, via ${NAME}-1)`);
  }, 30_000);

  it('inventory prints the INI inventory, with host key checking on', async () => {
    const inv = await tsible('lab', 'inventory', '--name', NAME);
    expect(inv.stdout).toBe(readFileSync(state.inventoryFile, 'utf8'));
    expect(inv.stdout).toContain(`${NAME}-1 ansible_host=${state.hosts[0]!.address}\n`);
    expect(inv.stdout).toContain(`ansible_ssh_common_args='-o UserKnownHostsFile=${state.knownHostsFile} -o StrictHostKeyChecking=yes'`);
    expect(inv.stdout).toContain('ansible_user=root\n');
    expect(inv.stdout).toContain(`ansible_ssh_private_key_file=${state.keyFile}\n`);
  }, 30_000);

  it('reset restores one host; unknown hosts and labs are clear errors', async () => {
    const host = state.hosts[1]!;
    await sshRunIn(state, host, 'touch /etc/tsible-reset-me');
    const reset = await tsible('lab', 'reset', host.name, '--name', NAME);
    expect(reset).toEqual({ code: 0, stdout: `${host.name} is reset\n`, stderr: '' });
    expect((await sshRunIn(state, host, 'test -e /etc/tsible-reset-me || echo gone')).stdout).toBe('gone\n');
    const unknownHost = await tsible('lab', 'reset', 'nosuchhost', '--name', NAME);
    expect(unknownHost.code).toBe(1);
    expect(unknownHost.stderr).toBe(`ERROR! lab "${NAME}" has no host "nosuchhost"\nits hosts: ${state.hosts.map((h) => h.name).join(', ')}\n`);
    const unknownLab = await tsible('lab', 'down', '--name', 'nosuchlab');
    expect(unknownLab.code).toBe(1);
    expect(unknownLab.stderr).toBe('ERROR! no lab named "nosuchlab" is up\n"tsible lab status" lists the labs that are up\n');
    // A directory that holds no lab is left alone, whatever it contains.
    const notALab = await tsible('lab', 'down', '--name', 'nosuchlab', '--dir', REPO);
    expect(notALab.code).toBe(1);
    expect(notALab.stderr).toMatch(new RegExp(`^ERROR! there is no lab in ${REPO}\n`));
    expect(existsSync(join(REPO, 'package.json'))).toBe(true);
  }, 60_000);

  it('stop and start a host from outside; the machine sees it unreachable meanwhile', async () => {
    const host = state.hosts[1]!;
    await sshRunIn(state, host, 'echo kept > /var/tmp/stop-start');
    expect(await tsible('lab', 'stop', host.name, '--name', NAME)).toEqual({ code: 0, stdout: `${host.name} is stopped\n`, stderr: '' });
    const down = await runArgv([...sshArgv(host, 'true', 'root', state).slice(0, 1), '-o', 'ConnectTimeout=3', ...sshArgv(host, 'true', 'root', state).slice(1)]);
    expect(down.code).toBe(255);
    expect(down.stderr).toMatch(/Connection refused|No route to host|timed out/);
    expect(await tsible('lab', 'start', host.name, '--name', NAME)).toEqual({ code: 0, stdout: `${host.name} is up\n`, stderr: '' });
    expect((await sshRunIn(state, host, 'cat /var/tmp/stop-start')).stdout).toBe('kept\n');
  }, 60_000);

  it('poweroff inside a host leaves it down (and only it); status says so', async () => {
    const host = state.hosts[1]!;
    expect((await sshRunIn(state, host, 'poweroff')).code).toBe(0);
    let st = await tsible('lab', 'status', '--name', NAME);
    for (let i = 0; i < 50 && !/ down\n/.test(st.stdout); i++) st = await tsible('lab', 'status', '--name', NAME);
    expect(st.code).toBe(1);
    expect(st.stdout).toMatch(new RegExp(`  ${host.name} +${host.address.replace(/\./g, '\\.')} +down\n`));
    expect(st.stdout).toMatch(new RegExp(`  ${state.hosts[0]!.name} +\\S+ +up\n`));
  }, 60_000);

  it('down kills the hosts processes and leaves no namespace, link, mount or file behind', async () => {
    const host = state.hosts[0]!;
    // One process started over ssh (inside the host's PID namespace), one put into its network from outside.
    await sshRunIn(state, host, 'setsid sleep 987654 >/dev/null 2>&1 < /dev/null &');
    await runArgv(['ip', 'netns', 'exec', host.netns, 'sh', '-c', 'setsid sleep 987655 >/dev/null 2>&1 < /dev/null &']);
    // Both commands return before their sleep has necessarily started: wait for the two sleeps.
    let pids: number[] = [];
    for (let i = 0; i < 100 && pids.length < 2; i++) {
      pids = await pidsWithArg(host.netns, /^sleep\0(987654|987655)\0$/);
      if (pids.length < 2) await new Promise((r) => setTimeout(r, 50));
    }
    expect(pids).toHaveLength(2);

    const down = await tsible('lab', 'down', '--name', NAME);
    expect(down.stderr).toBe('');
    expect(down.stdout).toBe(`lab "${NAME}" is down\n`);
    for (const pid of pids) expect(isLive(pid)).toBe(false);
    const netns = (await runArgv(['ip', 'netns', 'list'])).stdout;
    for (const h of state.hosts) expect(netns).not.toContain(h.netns);
    const links = (await runArgv(['ip', '-o', 'link', 'show'])).stdout;
    for (const name of [state.bridge, state.privateBridge!, state.jumpVeth!, ...state.hosts.map((h) => h.veth)]) {
      expect(links).not.toMatch(new RegExp(`: ${name}[:@]`));
    }
    expect(readFileSync('/proc/self/mountinfo', 'utf8')).not.toContain(DIR);
    expect(existsSync(DIR)).toBe(false);
    expect(existsSync(`/run/tsible-lab/${NAME}.json`)).toBe(false);
    const supervisors = (await runArgv(['pgrep', '-f', `supervise.sh ${DIR}`])).stdout;
    expect(supervisors).toBe('');
  }, 60_000);

  it('refuses bad counts with exit code 5 and creates nothing', async () => {
    const zero = await tsible('lab', 'up', '0', '--name', NAME, '--dir', DIR);
    expect(zero.code).toBe(5);
    expect(zero.stderr).toMatch(/^ERROR! a lab has 1 to 200 hosts, not 0\n/);
    const priv = await tsible('lab', 'up', '2', '--private', '2', '--name', NAME, '--dir', DIR);
    expect(priv.code).toBe(5);
    expect(priv.stderr).toMatch(/--private must be 0 to 1/);
    expect(existsSync(DIR)).toBe(false);
  }, 30_000);

  it('status reports a registered lab without state, and down clears it', async () => {
    const ghost = `${NAME}-ghost`;
    writeFileSync(`/run/tsible-lab/${ghost}.json`, JSON.stringify({ stateDir: `${DIR}-ghost` }));
    const st = await tsible('lab', 'status');
    expect(st.code).toBe(1);
    expect(st.stdout).toContain(`lab ${ghost}  (no lab state at ${DIR}-ghost/lab.json; "tsible lab down --name ${ghost}" clears it)\n`);
    expect(await tsible('lab', 'down', '--name', ghost)).toEqual({ code: 0, stdout: `lab "${ghost}" is down\n`, stderr: '' });
    expect(existsSync(`/run/tsible-lab/${ghost}.json`)).toBe(false);
  }, 30_000);

  it('explains that it needs root', async () => {
    const r = await runArgv(['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, CLI, 'lab', 'up', '1', '--name', NAME, '--dir', DIR]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('ERROR! tsible lab needs root (it creates network namespaces, bridges and mounts)\nrun it as root, e.g. with sudo\n');
  }, 30_000);
});
