import { readFileSync } from 'node:fs';
import { validateArgs } from '@tsible/engine/module-api/validate-args';
import { commandHead, constructRule } from './iptables-rule.js';
import { iptablesSpec } from './iptables-spec.js';
import { readTcpFlags } from './iptables.js';

interface Recorded {
  params: Record<string, unknown>;
  rule: string[];
  check: string[];
  insert: string[];
}

// Recorded from Ansible's own construct_rule/push_arguments (test/fixtures/modules-firewall-users/record-iptables-rules.py).
const recorded = JSON.parse(
  readFileSync(new URL('../../../../test/fixtures/modules-firewall-users/iptables-rules.json', import.meta.url), 'utf8'),
) as Recorded[];

function options(raw: Record<string, unknown>) {
  const outcome = validateArgs('iptables', iptablesSpec, raw);
  if (!outcome.ok) throw new Error(outcome.msg);
  const tcpFlags = readTcpFlags(outcome.params.tcp_flags);
  if (typeof tcpFlags === 'string') throw new Error(tcpFlags);
  return { ...outcome.params, tcp_flags: tcpFlags };
}

describe('iptables rule argv, as Ansible builds it', () => {
  it.each(recorded.map((r) => [JSON.stringify(r.params), r] as const))('%s', (_name, r) => {
    const p = options(r.params);
    expect(constructRule(p)).toEqual(r.rule);
    expect([...commandHead('iptables', p, '-C'), ...constructRule(p)]).toEqual(r.check);
    expect([...commandHead('iptables', p, '-I'), ...constructRule(p)]).toEqual(r.insert);
  });

  it('a flush without a chain leaves the chain word out', () => {
    expect(commandHead('iptables', options({ flush: true }), '-F')).toEqual(['iptables', '-t', 'filter', '-F']);
  });

  it('tcp_flags takes only flags and flags_set', () => {
    expect(readTcpFlags({ flags: 'ALL', flags_set: ['SYN'] })).toEqual({ flags: ['ALL'], flags_set: ['SYN'] });
    expect(readTcpFlags({ flag: ['ALL'] })).toBe('Unsupported parameters for (iptables) module: tcp_flags.flag. Supported parameters include: flags, flags_set.');
  });
});
