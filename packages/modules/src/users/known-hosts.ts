import type { ArgumentSpec, Module, ModuleContext, ModuleResult, ParamsOf } from '@tsible/engine';
import { shellQuote } from '@tsible/engine/connection/quote';
import { remotePathWord } from '../support/remote-path.js';
import { failed, firstRecord, runFileScript } from '../support/remote/run-script.js';
import { writeCall } from '../support/remote/atomic-write.js';
import { hashHostKey, newContent, searchOutput, type Search } from './known-hosts-lines.js';

/** Ansible 2.14's known_hosts module options. */
export const knownHostsSpec = {
  options: {
    name: { type: 'str', required: true, aliases: ['host'] },
    key: { type: 'str' },
    path: { type: 'path', default: '~/.ssh/known_hosts' },
    hash_host: { type: 'bool', default: false },
    state: { type: 'str', default: 'present', choices: ['absent', 'present'] },
  },
} as const satisfies ArgumentSpec;

export type KnownHostsParams = ParamsOf<typeof knownHostsSpec>;

const b64 = (record: string[] | undefined): string => Buffer.from(record?.[0] ?? '', 'base64').toString('utf8');
const encodeOut = (expr: string): string => `"$(printf '%s' "${expr}" | base64 | tr -d '\\n')"`;

/** Checks the key names the host, then looks the host up in the file: @path, @bad, @fc (content), @rc/@o/@e of ssh-keygen -F. */
function probeScript(host: string, key: string | null, path: string): string {
  const lines = [
    `command -v ssh-keygen >/dev/null 2>&1 || ts_fail 'Failed to find required executable "ssh-keygen" in paths: '"$PATH"`,
    `ts_p=${remotePathWord(path)}`,
    `printf '@path\\t%s\\n' "$ts_p"`,
  ];
  if (key !== null) {
    lines.push(
      `ts_t=$(mktemp) || ts_fail 'could not create a temporary file'`,
      `printf '%s' ${shellQuote(key)} > "$ts_t"`,
      `[ -n "$(ssh-keygen -F ${shellQuote(host)} -f "$ts_t" 2>/dev/null)" ] || printf '@bad\\n'`,
      `rm -f -- "$ts_t"`,
    );
  }
  lines.push(
    `if [ -e "$ts_p" ]; then`,
    `  printf '@fc\\t%s\\n' "$(base64 < "$ts_p" | tr -d '\\n')"`,
    `  ts_ef=$(mktemp) || ts_fail 'could not create a temporary file'`,
    `  ts_o=$(ssh-keygen -F ${shellQuote(host)} -f "$ts_p" 2>"$ts_ef"); ts_rc=$?; ts_e=$(cat -- "$ts_ef"); rm -f -- "$ts_ef"`,
    `  printf '@rc\\t%s\\n@o\\t%s\\n@e\\t%s\\n' "$ts_rc" ${encodeOut('$ts_o')} ${encodeOut('$ts_e')}`,
    'fi',
  );
  return lines.join('\n');
}

async function runKnownHosts(ctx: ModuleContext, params: KnownHostsParams): Promise<ModuleResult> {
  const host = params.name.toLowerCase();
  if (params.key === null && params.state !== 'absent') return failed('No key specified when adding a host');
  let key = params.key;
  if (key !== null && params.hash_host) key = hashHostKey(host, key);
  if (key !== null && !key.endsWith('\n')) key += '\n';
  if (key !== null && /\S+(\s+)?,(\s+)?/.test(host)) {
    return failed('Comma separated list of names is not supported. Please pass a single name to lookup in the known_hosts file.');
  }
  const probe = await runFileScript(ctx, probeScript(host, key, params.path));
  if (probe.failure !== undefined) return failed(probe.failure);
  if (probe.records.has('@bad')) return failed('Host parameter does not match hashed host field in supplied key');
  const path = firstRecord(probe, '@path')?.[0] ?? params.path;
  const exists = probe.records.has('@fc');
  const before = b64(firstRecord(probe, '@fc'));
  let search: Search = { found: false, replaceOrAdd: false, foundLine: null };
  if (exists) {
    const rc = Number(firstRecord(probe, '@rc')?.[0] ?? '0');
    const stdout = b64(firstRecord(probe, '@o'));
    const stderr = b64(firstRecord(probe, '@e'));
    if (!(stdout === '' && stderr === '' && (rc === 0 || rc === 1))) {
      if (rc !== 0) return failed(`ssh-keygen failed (rc=${rc}, stdout='${stdout}',stderr='${stderr}')`);
      search = searchOutput(stdout, key);
    }
  }
  const after = newContent(before, search, params.state, key);
  const diff = { before_header: exists ? path : '/dev/null', after_header: path, before, after };
  const result: ModuleResult = { name: params.name, key: params.key, path, hash_host: params.hash_host, state: params.state, changed: false, ...(ctx.diffMode ? { diff } : {}) };
  // Removing a key that is not there changes nothing.
  if (params.state === 'absent' && search.foundLine === null && key !== null) return result;
  const changed = search.replaceOrAdd || (params.state === 'present') !== search.found;
  if (ctx.checkMode) return { changed, ...(ctx.diffMode ? { diff } : {}) };
  if (!changed) return result;

  // Without a key, absent removes every entry of the host, through ssh-keygen -R as Ansible does.
  const script =
    search.found && key === null && params.state === 'absent'
      ? `ts_e=$(ssh-keygen -R ${shellQuote(host)} -f ${shellQuote(path)} 2>&1) || ts_fail "$ts_e"`
      : [`ts_d=$(dirname -- ${shellQuote(path)})`, `[ -d "$ts_d" ] || mkdir -p -m 700 -- "$ts_d"`, writeCall(shellQuote(path), { mode: "''", owner: null, group: null, backup: false })].join('\n');
  const run = await runFileScript(ctx, script, Buffer.from(after));
  if (run.failure !== undefined) return failed(run.failure);
  return { ...result, changed: true };
}

export const knownHostsModule: Module<typeof knownHostsSpec> = {
  name: 'known_hosts',
  spec: knownHostsSpec,
  supportsCheckMode: true,
  run: runKnownHosts,
};
