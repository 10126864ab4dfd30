import type { Module, ModuleContext, ModuleResult } from '@tsible/engine';
import { commandFailed, stepFailure } from '../support/remote/command-steps.js';
import { failed, firstRecord, runFileScript } from '../support/remote/run-script.js';
import { commandHead, constructRule, type RuleOptions, type TcpFlags } from './iptables-rule.js';
import { iptablesScript, type Plan, type Step, type StepName } from './iptables-script.js';
import { iptablesSpec, type IptablesParams } from './iptables-spec.js';

const BINARY = { ipv4: 'iptables', ipv6: 'ip6tables' } as const;

/** tcp_flags is a dict with two list sub-options; anything else is refused as Ansible refuses it. */
export function readTcpFlags(value: Record<string, unknown> | null): TcpFlags | string | null {
  if (value === null) return null;
  const unknown = Object.keys(value).filter((k) => k !== 'flags' && k !== 'flags_set').sort();
  if (unknown.length > 0) {
    return `Unsupported parameters for (iptables) module: ${unknown.map((k) => `tcp_flags.${k}`).join(', ')}. Supported parameters include: flags, flags_set.`;
  }
  const list = (key: 'flags' | 'flags_set'): string[] | null | string => {
    const v = value[key];
    if (v === undefined || v === null) return null;
    if (typeof v === 'string') return v.split(',').map((s) => s.trim());
    if (Array.isArray(v)) return v.map(String);
    return `Elements value for option '${key}' found in 'tcp_flags' is of type ${typeof v} and we were unable to convert to list`;
  };
  const flags = list('flags');
  const flagsSet = list('flags_set');
  if (typeof flags === 'string') return flags;
  if (typeof flagsSet === 'string') return flagsSet;
  return { flags, flags_set: flagsSet };
}

/** Decides what the task does; the target only tests the current state and acts. */
function makePlan(binary: string, options: RuleOptions): Plan {
  const withNumeric = (argv: string[]): string[] => (options.numeric ? [...argv, '--numeric'] : argv);
  const step = (name: StepName, action: string, rule: 'rule' | 'none', extra: string[] = []): Step => {
    const build = (wait: string | null): string[] => {
      const head = commandHead(binary, options, action);
      const argv = rule === 'rule' ? [...head, ...constructRule({ ...options, wait })] : head;
      return [...(action === '-L' ? withNumeric(argv) : argv), ...extra];
    };
    return { name, withWait: build(options.wait), withoutWait: build(null) };
  };
  const list = step('list', '-L', 'none');
  if (options.flush) return { kind: 'flush', flush: step('flush', '-F', 'none') };
  if (options.policy !== null) return { kind: 'policy', list, set: step('policy', '-P', 'none', [options.policy]), policy: options.policy };
  if (options.state === 'absent' && constructRule(options).length === 0) {
    return { kind: 'absent-chain', list, remove: options.chain_management ? step('delete-chain', '-X', 'none') : null };
  }
  const check = step('check', '-C', 'rule');
  if (options.state === 'absent') return { kind: 'rule-absent', check, remove: step('delete', '-D', 'rule') };
  const add = options.action === 'insert' ? step('insert', '-I', 'rule') : step('append', '-A', 'rule');
  return { kind: 'rule-present', check, add, list, createChain: options.chain_management ? step('create', '-N', 'none') : null };
}

const STEPS_OF = (plan: Plan): Step[] => Object.values(plan).filter((v): v is Step => typeof v === 'object' && v !== null && 'name' in v);

async function runIptables(ctx: ModuleContext, params: IptablesParams): Promise<ModuleResult> {
  const tcpFlags = readTcpFlags(params.tcp_flags);
  if (typeof tcpFlags === 'string') return failed(tcpFlags);
  const given: RuleOptions = { ...params, tcp_flags: tcpFlags };
  // The reported rule is built before the LOG jump is implied, as Ansible reports it.
  const result: ModuleResult = {
    changed: false,
    failed: false,
    ip_version: params.ip_version,
    table: params.table,
    chain: params.chain,
    flush: params.flush,
    rule: constructRule(given).join(' '),
    state: params.state,
    chain_management: params.chain_management,
  };
  if (!params.flush && params.chain === null) return failed('Either chain or flush parameter must be specified.');
  let options = given;
  if (params.log_prefix !== null || params.log_level !== null) {
    if (params.jump === null) options = { ...given, jump: 'LOG' };
    else if (params.jump !== 'LOG') return failed('Logging options can only be used with the LOG jump target.');
  }

  const binary = BINARY[params.ip_version];
  const plan = makePlan(binary, options);
  const outcome = await runFileScript(ctx, iptablesScript(binary, plan, options.wait !== null && options.wait !== '', ctx.checkMode));
  const failure = stepFailure(outcome);
  if (failure !== undefined) {
    const path = firstRecord(outcome, '@I')?.[0] ?? binary;
    const failedStep = STEPS_OF(plan).find((s) => s.name === failure.step);
    const argv = failedStep === undefined ? [binary] : outcome.records.has('@W') ? failedStep.withWait : failedStep.withoutWait;
    return commandFailed(failure, [path, ...argv.slice(1)]);
  }
  if (outcome.failure !== undefined) return failed(outcome.failure);
  return { ...result, changed: outcome.records.has('@C') };
}

export const iptablesModule: Module<typeof iptablesSpec> = {
  name: 'iptables',
  spec: iptablesSpec,
  supportsCheckMode: true,
  run: runIptables,
};
