/**
 * iptables on lab hosts: rules land in the host's own network namespace
 * (iptables-nft), checked over plain ssh with `iptables -S`.
 */
import { describeLab, useLabHosts } from '../lab/lab.js';
import { onHost, tsibleRun } from './run-module.js';

describeLab('iptables module on a lab host', () => {
  const hosts = useLabHosts(1);
  const host = (): string => hosts()[0]?.name ?? '';
  const rules = (cmd = 'iptables'): Promise<string> => onHost(host(), `${cmd} -S`);

  afterAll(async () => {
    // Leave the namespace open for whoever gets the host next.
    if (host() !== '') await onHost(host(), 'iptables -P INPUT ACCEPT; iptables -F; iptables -X; ip6tables -F');
  });

  it('a negated source with jump DROP: check mode changes nothing, then changed, then ok, then absent', async () => {
    const args = 'chain=FORWARD source=!192.168.1.1/24 jump=DROP';
    const before = await rules();
    const check = tsibleRun(host(), 'iptables', args, ['--check']);
    expect(check.caption).toBe('CHANGED');
    expect(await rules()).toBe(before);

    const first = tsibleRun(host(), 'iptables', args);
    expect(first.caption).toBe('CHANGED');
    expect(first.result).toMatchObject({ changed: true, chain: 'FORWARD', table: 'filter', ip_version: 'ipv4', rule: '! -s 192.168.1.1/24 -j DROP', state: 'present' });
    expect(await rules()).toContain('-A FORWARD ! -s 192.168.1.0/24 -j DROP');
    expect(tsibleRun(host(), 'iptables', args).caption).toBe('SUCCESS');

    const removeCheck = tsibleRun(host(), 'iptables', `${args} state=absent`, ['--check']);
    expect(removeCheck.caption).toBe('CHANGED');
    expect(await rules()).toContain('-A FORWARD ! -s 192.168.1.0/24 -j DROP');
    expect(tsibleRun(host(), 'iptables', `${args} state=absent`).caption).toBe('CHANGED');
    expect(await rules()).toBe(before);
    expect(tsibleRun(host(), 'iptables', `${args} state=absent`).caption).toBe('SUCCESS');
  }, 120_000);

  it('an SSH rule inserted before a default-DROP INPUT policy keeps ssh working', async () => {
    const ssh = 'chain=INPUT action=insert rule_num=1 protocol=tcp destination_port=22 ctstate=NEW,ESTABLISHED jump=ACCEPT comment="keep ssh"';
    expect(tsibleRun(host(), 'iptables', ssh).caption).toBe('CHANGED');
    expect(tsibleRun(host(), 'iptables', 'chain=INPUT ctstate=ESTABLISHED,RELATED jump=ACCEPT').caption).toBe('CHANGED');
    expect(tsibleRun(host(), 'iptables', 'chain=INPUT policy=DROP', ['--check']).caption).toBe('CHANGED');
    expect(await rules()).toContain('-P INPUT ACCEPT');

    const policy = tsibleRun(host(), 'iptables', 'chain=INPUT policy=DROP');
    expect(policy.caption).toBe('CHANGED');
    const after = await rules();
    expect(after).toContain('-P INPUT DROP');
    expect(after).toMatch(/-A INPUT -p tcp -m tcp --dport 22 -m conntrack --ctstate NEW,ESTABLISHED -m comment --comment "keep ssh" -j ACCEPT/);
    expect(tsibleRun(host(), 'iptables', 'chain=INPUT policy=DROP').caption).toBe('SUCCESS');
    expect(tsibleRun(host(), 'iptables', ssh).caption).toBe('SUCCESS');
    expect((await onHost(host(), 'echo still here')).trim()).toBe('still here');
    expect(tsibleRun(host(), 'iptables', 'chain=INPUT policy=ACCEPT').caption).toBe('CHANGED');
  }, 120_000);

  it('chain_management creates a chain for a rule, flush empties it and absent deletes it', async () => {
    const rule = 'chain=TSIBLE_IN chain_management=yes protocol=udp destination_port=53 jump=ACCEPT';
    expect(tsibleRun(host(), 'iptables', rule).caption).toBe('CHANGED');
    expect(await rules()).toContain('-A TSIBLE_IN -p udp -m udp --dport 53 -j ACCEPT');
    expect(tsibleRun(host(), 'iptables', 'chain=TSIBLE_IN flush=yes').caption).toBe('CHANGED');
    expect(await rules()).not.toContain('-A TSIBLE_IN');
    expect(tsibleRun(host(), 'iptables', 'chain=TSIBLE_IN state=absent chain_management=yes').caption).toBe('CHANGED');
    expect(await rules()).not.toContain('TSIBLE_IN');
    expect(tsibleRun(host(), 'iptables', 'chain=TSIBLE_IN state=absent chain_management=yes').caption).toBe('SUCCESS');
  }, 120_000);

  it('ip_version ipv6 goes to ip6tables; log options imply the LOG jump', async () => {
    expect(tsibleRun(host(), 'iptables', 'ip_version=ipv6 chain=INPUT protocol=tcp destination_port=80 jump=ACCEPT').caption).toBe('CHANGED');
    expect(await rules('ip6tables')).toContain('-A INPUT -p tcp -m tcp --dport 80 -j ACCEPT');
    expect(await rules()).not.toContain('--dport 80');
    const log = tsibleRun(host(), 'iptables', 'chain=OUTPUT protocol=tcp destination_port=25 log_prefix="SMTP: " log_level=info');
    expect(log.result).toMatchObject({ changed: true, rule: '-p tcp --log-prefix SMTP:  --log-level info --destination-port 25' });
    expect(await rules()).toContain('-A OUTPUT -p tcp -m tcp --dport 25 -j LOG --log-prefix "SMTP: " --log-level 6');
    expect(tsibleRun(host(), 'iptables', 'chain=OUTPUT protocol=tcp destination_port=25 log_prefix="SMTP: " log_level=info').caption).toBe('SUCCESS');
  }, 120_000);

  it('a rule iptables rejects fails the host with its message and leaves the rules as they were', async () => {
    const before = await rules();
    const bad = tsibleRun(host(), 'iptables', 'chain=INPUT protocol=tcp destination_port=8080 jump=NO_SUCH_TARGET');
    expect(bad.caption).toBe('FAILED!');
    expect(bad.code).toBe(2);
    expect(bad.result).toMatchObject({ changed: false, rc: 2 });
    expect(String(bad.result['msg'])).toMatch(/NO_SUCH_TARGET/);
    expect(String(bad.result['cmd'])).toMatch(/^\/\S*iptables -t filter -A INPUT -p tcp -j NO_SUCH_TARGET --destination-port 8080$/);
    expect(await rules()).toBe(before);
    const noChain = tsibleRun(host(), 'iptables', 'chain=NO_SUCH_CHAIN policy=DROP');
    expect(noChain.caption).toBe('FAILED!');
    expect(noChain.result['rc']).toBe(1);
  }, 120_000);

  describe('bad arguments fail before anything runs, in Ansible words', () => {
    const cases: Array<[string, string]> = [
      ['jump=ACCEPT', 'Either chain or flush parameter must be specified.'],
      ['chain=INPUT jump=ACCEPT log_prefix=x', 'Logging options can only be used with the LOG jump target.'],
      ['chain=INPUT flush=yes policy=DROP', 'parameters are mutually exclusive: flush|policy'],
      ['chain=INPUT set_dscp_mark=8 set_dscp_mark_class=CS1', 'parameters are mutually exclusive: set_dscp_mark|set_dscp_mark_class'],
      ['chain=PREROUTING table=mangle jump=TEE', 'jump is TEE but all of the following are missing: gateway'],
      ['chain=INPUT table=filters', 'value of table must be one of: filter, nat, mangle, raw, security, got: filters'],
      ['chain=INPUT policy=REJECT', 'value of policy must be one of: ACCEPT, DROP, QUEUE, RETURN, got: REJECT'],
      ['chain=INPUT syn=yes', 'value of syn must be one of: ignore, match, negate, got: yes'],
      ['chain=INPUT tcp_flags={"flag":"ALL"}', 'Unsupported parameters for (iptables) module: tcp_flags.flag. Supported parameters include: flags, flags_set.'],
    ];
    it.each(cases)('%s', async (args, msg) => {
      const before = await rules();
      const outcome = tsibleRun(host(), 'iptables', args);
      expect(outcome.caption).toBe('FAILED!');
      expect(outcome.result['msg']).toBe(msg);
      expect(await rules()).toBe(before);
    }, 60_000);
  });
});
