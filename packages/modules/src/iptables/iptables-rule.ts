import type { IptablesParams } from './iptables-spec.js';

/** tcp_flags after validation: both lists, or nothing. */
export interface TcpFlags {
  flags: string[] | null;
  flags_set: string[] | null;
}

/** What the rule is built from: the validated options, with tcp_flags checked and wait/jump as the run decides. */
export type RuleOptions = Omit<IptablesParams, 'tcp_flags'> & { tcp_flags: TcpFlags | null };

const ICMP_TYPE_FLAG = { ipv4: '--icmp-type', ipv6: '--icmpv6-type' } as const;

/**
 * The rule's words in the order Ansible's module builds them: `iptables -C`
 * compares a rule by these words, so the order and the `!` placement decide
 * whether a rule already present is recognised.
 */
export function constructRule(p: RuleOptions): string[] {
  const rule: string[] = [];
  /** `!value` becomes `! FLAG value`, as Ansible negates any single-valued option. */
  const param = (value: string | null, flag: string): void => {
    if (value === null) return;
    if (value.startsWith('!')) rule.push('!', flag, value.slice(1));
    else rule.push(flag, value);
  };
  const match = (when: unknown, name: string): void => {
    if (isSet(when)) rule.push('-m', name);
  };
  const csv = (values: readonly string[], flag: string): void => {
    if (values.length > 0) rule.push(flag, values.join(','));
  };
  const matchFlag = (value: string | null, flag: string, negatable: boolean): void => {
    if (value === 'match') rule.push(flag);
    else if (negatable && value === 'negate') rule.push('!', flag);
  };

  if (isSet(p.wait)) rule.push('-w', p.wait ?? '');
  param(p.protocol, '-p');
  param(p.source, '-s');
  param(p.destination, '-d');
  for (const m of p.match) param(m, '-m');
  if (p.tcp_flags !== null && p.tcp_flags.flags !== null && p.tcp_flags.flags_set !== null) {
    rule.push('--tcp-flags', p.tcp_flags.flags.join(','), p.tcp_flags.flags_set.join(','));
  }
  param(p.jump, '-j');
  if (p.jump !== null && p.jump.toLowerCase() === 'tee') param(p.gateway, '--gateway');
  param(p.log_prefix, '--log-prefix');
  param(p.log_level, '--log-level');
  param(p.to_destination, '--to-destination');
  match(p.destination_ports, 'multiport');
  csv(p.destination_ports, '--dports');
  param(p.to_source, '--to-source');
  param(p.goto, '-g');
  param(p.in_interface, '-i');
  param(p.out_interface, '-o');
  param(p.fragment, '-f');
  param(p.set_counters, '-c');
  param(p.source_port, '--source-port');
  param(p.destination_port, '--destination-port');
  param(p.to_ports, '--to-ports');
  param(p.set_dscp_mark, '--set-dscp');
  param(p.set_dscp_mark_class, '--set-dscp-class');
  matchFlag(p.syn, '--syn', true);
  if (p.match.includes('conntrack')) csv(p.ctstate, '--ctstate');
  else if (p.match.includes('state')) csv(p.ctstate, '--state');
  else if (p.ctstate.length > 0) {
    match(p.ctstate, 'conntrack');
    csv(p.ctstate, '--ctstate');
  }
  if (p.match.includes('iprange')) {
    param(p.src_range, '--src-range');
    param(p.dst_range, '--dst-range');
  } else if (isSet(p.src_range) || isSet(p.dst_range)) {
    rule.push('-m', 'iprange');
    param(p.src_range, '--src-range');
    param(p.dst_range, '--dst-range');
  }
  if (p.match.includes('set')) {
    param(p.match_set, '--match-set');
    if (p.match_set_flags !== null) rule.push(p.match_set_flags);
  } else if (isSet(p.match_set)) {
    rule.push('-m', 'set');
    param(p.match_set, '--match-set');
    if (p.match_set_flags !== null) rule.push(p.match_set_flags);
  }
  match(isSet(p.limit) ? p.limit : p.limit_burst, 'limit');
  param(p.limit, '--limit');
  param(p.limit_burst, '--limit-burst');
  match(p.uid_owner, 'owner');
  matchFlag(p.uid_owner, '--uid-owner', true);
  param(p.uid_owner, '--uid-owner');
  match(p.gid_owner, 'owner');
  matchFlag(p.gid_owner, '--gid-owner', true);
  param(p.gid_owner, '--gid-owner');
  if (p.jump === null && isSet(p.reject_with)) rule.push('-j', 'REJECT');
  param(p.reject_with, '--reject-with');
  param(p.icmp_type, ICMP_TYPE_FLAG[p.ip_version]);
  match(p.comment, 'comment');
  param(p.comment, '--comment');
  return rule;
}

/** Python truthiness of an option value: None, '' and [] are false. */
function isSet(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return false;
  return !(Array.isArray(value) && value.length === 0);
}

/** The command words before the rule: binary, table, action, chain, and the position for an insert. */
export function commandHead(binary: string, p: Pick<RuleOptions, 'table' | 'chain' | 'rule_num'>, action: string): string[] {
  // Without a chain (flush of a whole table) the word is left out, as Ansible drops None from argv.
  const head = [binary, '-t', p.table, action, ...(p.chain === null ? [] : [p.chain])];
  if (action === '-I' && isSet(p.rule_num)) head.push(p.rule_num ?? '');
  return head;
}
