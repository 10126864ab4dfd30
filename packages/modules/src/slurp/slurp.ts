import type { ArgumentSpec, Module, ModuleContext, ModuleResult, ParamsOf } from '@tsible/engine';
import { failed, firstRecord, runFileScript } from '../support/remote/run-script.js';
import { remotePathWord } from '../support/remote-path.js';
import { expandCall, expandedPath } from '../support/remote/expand-path.js';

/** Ansible 2.14's slurp module options. */
export const slurpSpec = {
  options: {
    src: { type: 'path', required: true, aliases: ['path'] },
  },
} as const satisfies ArgumentSpec;

export type SlurpParams = ParamsOf<typeof slurpSpec>;

/** The checks Ansible makes, then the content as base64, in one exec. */
function slurpScript(src: string): string {
  const p = remotePathWord(src);
  return [
    expandCall(src),
    `if [ ! -e ${p} ]; then printf '@E\\tmissing\\n'`,
    `elif [ -d ${p} ]; then printf '@E\\tdirectory\\n'`,
    `elif [ ! -r ${p} ]; then printf '@E\\tunreadable\\n'`,
    `else printf '@B\\t%s\\n' "$(base64 < ${p} | tr -d '\\n')"; fi`,
  ].join('\n');
}

const MESSAGES: Readonly<Record<string, string>> = {
  missing: 'file not found',
  directory: 'source is a directory and must be a file',
  unreadable: 'file is not readable',
};

async function runSlurp(ctx: ModuleContext, params: SlurpParams): Promise<ModuleResult> {
  const outcome = await runFileScript(ctx, slurpScript(params.src));
  if (outcome.failure !== undefined) return failed(outcome.failure);
  const source = expandedPath(outcome, params.src);
  const problem = firstRecord(outcome, '@E')?.[0];
  if (problem !== undefined) return failed(`${MESSAGES[problem] ?? problem}: ${source}`);
  return { changed: false, content: firstRecord(outcome, '@B')?.[0] ?? '', encoding: 'base64', source };
}

export const slurpModule: Module<typeof slurpSpec> = {
  name: 'slurp',
  spec: slurpSpec,
  supportsCheckMode: true,
  run: runSlurp,
};
