import { shellJoin, shellQuote } from '@tsible/engine/connection/quote';
import { STEP_FUNCTIONS, stepCall } from '../support/remote/command-steps.js';

/** A command the script may run, in both forms: with `-w` (iptables ≥ 1.6.0) and without. */
export interface Step {
  name: StepName;
  withWait: string[];
  withoutWait: string[];
}

export type StepName = 'check' | 'list' | 'create' | 'append' | 'insert' | 'delete' | 'flush' | 'policy' | 'delete-chain';

/** What the run does on the target, decided on the controller; the script only tests and acts. */
export type Plan =
  | { kind: 'flush'; flush: Step }
  | { kind: 'policy'; list: Step; set: Step; policy: string }
  | { kind: 'absent-chain'; list: Step; remove: Step | null }
  | { kind: 'rule-present'; check: Step; add: Step; createChain: Step | null; list: Step }
  | { kind: 'rule-absent'; check: Step; remove: Step };

/** Runs a test quietly: only its status counts (Ansible's run_command without check_rc). */
const FUNCTIONS = `${STEP_FUNCTIONS}
ts_quiet() { "$ts_ipt" "$@" >/dev/null 2>&1; }`;

/**
 * One script for the whole task: find the binary and its version (wait needs
 * ≥ 1.6.0), test the current state, and change it unless in check mode.
 * Records: @I path, @W wait used, @C changed, @P current policy, @S/@F a failing step.
 */
export function iptablesScript(binary: string, plan: Plan, waitGiven: boolean, checkMode: boolean): string {
  const cmd = (step: Step, how: 'run' | 'quiet'): string => {
    const call = (argv: string[]): string => (how === 'run' ? stepCall(step.name, argv, '"$ts_ipt"') : `ts_quiet ${shellJoin(argv)}`);
    const a = call(step.withWait.slice(1));
    const b = call(step.withoutWait.slice(1));
    return a === b ? a : `if [ "$ts_w" = 1 ]; then ${a}; else ${b}; fi`;
  };
  const act = (line: string): string => (checkMode ? ':' : line);
  const lines = [
    FUNCTIONS,
    // Ansible's get_bin_path also looks in the sbin directories.
    'for ts_d in /sbin /usr/sbin /usr/local/sbin; do case ":$PATH:" in *":$ts_d:"*) ;; *) PATH="$PATH:$ts_d";; esac; done',
    `ts_ipt=$(command -v ${shellQuote(binary)}) || ts_fail ${shellQuote(`Failed to find required executable "${binary}" in paths: `)}"$PATH"`,
    `printf '@I\\t%s\\n' "$ts_ipt"`,
    'ts_ver=$("$ts_ipt" --version 2>/dev/null); ts_ver=${ts_ver#*v}',
    waitGiven ? `case $ts_ver in 0.*|1.[0-5]|1.[0-5].*) ts_w=0;; *) ts_w=1; printf '@W\\n';; esac` : 'ts_w=0',
  ];
  switch (plan.kind) {
    case 'flush':
      lines.push(`printf '@C\\n'`, act(cmd(plan.flush, 'run')));
      break;
    case 'policy':
      lines.push(
        `ts_out=$("$ts_ipt" ${shellJoin(plan.list.withoutWait.slice(1))}); ts_rc=$?`,
        `[ "$ts_rc" = 0 ] || { printf '@S\\t%s\\n@F\\t%s\\n' list "$ts_rc"; exit 0; }`,
        `ts_cur=$(printf '%s\\n' "$ts_out" | sed -n '1s/.*(policy \\([A-Z][A-Z]*\\)).*/\\1/p')`,
        `[ -n "$ts_cur" ] || ts_fail "Can't detect current policy"`,
        `printf '@P\\t%s\\n' "$ts_cur"`,
        `if [ "$ts_cur" != ${shellQuote(plan.policy)} ]; then printf '@C\\n'; ${act(cmd(plan.set, 'run'))}; fi`,
      );
      break;
    case 'absent-chain':
      lines.push(`if ${cmd(plan.list, 'quiet')}; then printf '@C\\n'; ${plan.remove === null ? ':' : act(cmd(plan.remove, 'run'))}; fi`);
      break;
    case 'rule-present': {
      const create = plan.createChain === null ? '' : `${cmd(plan.list, 'quiet')} || ${cmd(plan.createChain, 'run')}; `;
      lines.push(`if ! { ${cmd(plan.check, 'quiet')}; }; then printf '@C\\n'; ${act(`${create}${cmd(plan.add, 'run')}`)}; fi`);
      break;
    }
    case 'rule-absent':
      lines.push(`if ${cmd(plan.check, 'quiet')}; then printf '@C\\n'; ${act(cmd(plan.remove, 'run'))}; fi`);
      break;
  }
  return lines.join('\n');
}
