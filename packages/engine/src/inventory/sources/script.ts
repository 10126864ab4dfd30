import { spawn } from 'node:child_process';
import { InventoryError } from '../errors.js';
import type { SourceContext } from './source-context.js';

export interface ScriptOptions {
  /** Kill the script and fail after this long. */
  timeoutMs: number;
}

interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

function scriptError(message: string, file: string, hint?: string): InventoryError {
  return new InventoryError(message, 'TSIBLE_INVENTORY_SCRIPT', { location: { file, line: 1, column: 1 }, ...(hint ? { hint } : {}) });
}

function run(path: string, args: string[], options: ScriptOptions): Promise<RunResult> {
  return new Promise((resolvePromise, reject) => {
    // Its own process group, so a timeout also stops whatever the script started.
    const child = spawn(path, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
      reject(scriptError(`Inventory script (${path}) did not finish within ${options.timeoutMs / 1000}s`, path, 'the script was stopped; check what it waits for'));
    }, options.timeoutMs);
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(scriptError(`problem running ${[path, ...args].join(' ')} (${e.message})`, path, 'make sure the script exists and is executable'));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (timedOut) return;
      resolvePromise({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
  });
}

function parseJson(text: string, path: string, stderr: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const reason = (e as Error).message.replace(/\s+/g, ' ');
    throw scriptError(`failed to parse executable inventory script results from ${path}: ${reason}\n${stderr}`.trimEnd(), path, 'the script must print one JSON object');
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Executable inventory scripts: `script --list` prints JSON groups (and
 * `_meta.hostvars`); without `_meta`, `script --host NAME` is asked for each
 * host's variables.
 */
export async function parseInventoryScript(ctx: SourceContext, options: ScriptOptions): Promise<void> {
  const path = ctx.file;
  const { data } = ctx;
  const listed = await run(path, ['--list'], options);
  let stderr = listed.stderr;
  if (stderr && !stderr.endsWith('\n')) stderr += '\n';
  if (listed.code !== 0) {
    throw scriptError(`Inventory script (${path}) had an execution error: ${stderr}`.trimEnd(), path, `exit status ${String(listed.code)}`);
  }
  const processed = parseJson(listed.stdout, path, stderr);
  if (!isObject(processed)) throw scriptError(`failed to parse executable inventory script results from ${path}: needs to be a json dict\n${stderr}`.trimEnd(), path);
  const hosts = new Set<string>();
  let meta: unknown;
  for (const [group, gdata] of Object.entries(processed)) {
    if (group === '_meta') {
      if (isObject(gdata) && 'hostvars' in gdata) meta = gdata['hostvars'];
      continue;
    }
    data.addGroup(group);
    let g: Record<string, unknown>;
    if (!isObject(gdata)) g = { hosts: gdata };
    else if (!('hosts' in gdata || 'vars' in gdata || 'children' in gdata)) g = { hosts: [group], vars: gdata };
    else g = gdata;
    if ('hosts' in g) {
      if (!Array.isArray(g['hosts'])) throw scriptError(`You defined a group '${group}' with bad data for the host list:\n ${JSON.stringify(g)}`, path);
      for (const h of g['hosts']) {
        const name = String(h);
        hosts.add(name);
        data.addHost(name, group);
      }
    }
    if ('vars' in g) {
      const vars = g['vars'];
      if (!isObject(vars)) throw scriptError(`You defined a group '${group}' with bad data for variables:\n ${JSON.stringify(g)}`, path);
      for (const [k, v] of Object.entries(vars)) data.setVariable(group, k, v);
    }
    if ('children' in g) {
      const children = g['children'];
      const names = Array.isArray(children) ? children : isObject(children) ? Object.keys(children) : [];
      for (const child of names) {
        const childName = data.addGroup(String(child));
        data.addChild(group, childName);
      }
    }
  }
  for (const host of hosts) {
    let got: unknown = {};
    if (meta === undefined) got = await hostVarsFromScript(path, host, options);
    else if (isObject(meta)) got = meta[host] ?? {};
    else throw scriptError(`Improperly formatted host information for ${host}: _meta.hostvars must be an object`, path);
    if (!isObject(got)) throw scriptError(`Invalid data from file, expected dictionary and got:\n\n${JSON.stringify(got)}`, path);
    for (const [k, v] of Object.entries(got)) data.setVariable(host, k, v);
  }
}

async function hostVarsFromScript(path: string, host: string, options: ScriptOptions): Promise<unknown> {
  const res = await run(path, ['--host', host], options);
  // Ansible 2.14 rejects empty --host output as "None" rather than treating it as no variables.
  if (res.stdout.trim() === '') {
    throw scriptError(`Invalid data from file, expected dictionary and got:\n\nNone`, path, `\`${path} --host ${host}\` printed nothing; print {} for a host without variables`);
  }
  try {
    return JSON.parse(res.stdout);
  } catch {
    throw scriptError(`could not parse post variable response: ${path} --host ${host}, ${res.stdout}`, path);
  }
}
