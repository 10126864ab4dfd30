import type { OptionSpec } from '@tsible/engine';
import type { AttributeRequest } from './attrs-script.js';
import { parseModeOption } from './mode.js';

/** Ansible's add_file_common_args: the attribute options every file-writing module takes. */
export const fileCommonOptions = {
  mode: { type: 'raw' },
  owner: { type: 'str' },
  group: { type: 'str' },
  seuser: { type: 'str' },
  serole: { type: 'str' },
  setype: { type: 'str' },
  selevel: { type: 'str' },
  unsafe_writes: { type: 'bool', default: false },
  attributes: { type: 'str', aliases: ['attr'] },
} as const satisfies Record<string, OptionSpec>;

/** Reads mode/owner/group; throws ModeError for a bad symbolic mode. */
export function attributeRequest(params: { mode: unknown; owner: string | null; group: string | null }): AttributeRequest {
  return { mode: parseModeOption(params.mode), owner: params.owner, group: params.group };
}

export function hasAttributes(request: AttributeRequest): boolean {
  return request.mode !== null || request.owner !== null || request.group !== null;
}
