import type { ArgumentSpec, Module, ModuleContext, ModuleResult, ParamsOf } from '@tsible/engine';
import { runCommand } from './support/command-runner.js';
import { shlexSplit, ShlexError } from '@tsible/engine/text/shlex';

/** Ansible 2.14's command module options (`warn` was removed in 2.14). */
export const commandSpec = {
  options: {
    _raw_params: { type: 'str' },
    _uses_shell: { type: 'bool', default: false },
    argv: { type: 'list', elements: 'str' },
    chdir: { type: 'path' },
    executable: { type: 'str' },
    creates: { type: 'path' },
    removes: { type: 'path' },
    stdin: { type: 'str' },
    stdin_add_newline: { type: 'bool', default: true },
    strip_empty_ends: { type: 'bool', default: true },
  },
} as const satisfies ArgumentSpec;

export type CommandParams = ParamsOf<typeof commandSpec>;

const failure = (msg: string, extra: ModuleResult = {}): ModuleResult => ({
  changed: false,
  stdout: '',
  stderr: '',
  rc: 256,
  cmd: null,
  start: null,
  end: null,
  delta: null,
  ...extra,
  failed: true,
  msg,
});

/** command and shell share this: shell is command with `_uses_shell`. */
export async function runCommandModule(ctx: ModuleContext, params: CommandParams): Promise<ModuleResult> {
  const rawParams = params._raw_params;
  const warnings: string[] = [];
  let executable = params.executable ?? undefined;
  if (!params._uses_shell && executable !== undefined) {
    warnings.push(`As of Ansible 2.4, the parameter 'executable' is no longer supported with the 'command' module. Not using '${executable}'.`);
    executable = undefined;
  }
  const hasRaw = rawParams !== null && rawParams.trim() !== '';
  const hasArgv = params.argv !== null && params.argv.length > 0;
  if (!hasRaw && !hasArgv) return failure('no command given');
  if (hasRaw && params.argv !== null) return failure('only command or argv can be given, not both');

  const common = {
    chdir: params.chdir,
    creates: params.creates,
    removes: params.removes,
    stdin: params.stdin,
    stdinAddNewline: params.stdin_add_newline,
    stripEmptyEnds: params.strip_empty_ends,
  };
  let result: ModuleResult;
  if (params._uses_shell) {
    const line = hasRaw ? (rawParams ?? '') : (params.argv ?? []).join(' ');
    result = await runCommand(ctx, { ...common, shellCommand: line, executable, cmd: line });
  } else {
    let argv: string[];
    try {
      argv = hasRaw ? shlexSplit(rawParams ?? '', { comments: false }) : [...(params.argv ?? [])];
    } catch (err) {
      if (err instanceof ShlexError) return failure(err.message, { rc: 1 });
      throw err;
    }
    result = await runCommand(ctx, { ...common, argv, cmd: argv });
  }
  return warnings.length > 0 ? { ...result, warnings: [...warnings, ...(result.warnings ?? [])] } : result;
}

export const commandModule: Module<typeof commandSpec> = {
  name: 'command',
  spec: commandSpec,
  specOwner: 'ansible.legacy.command',
  supportsCheckMode: true,
  freeForm: true,
  textOutput: true,
  run: runCommandModule,
};
