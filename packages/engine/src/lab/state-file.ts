import { readFile, rename, writeFile } from 'node:fs/promises';
import { TsibleError } from '../errors/tsible-error.js';
import { labLayout } from './layout.js';
import type { LabState } from './types.js';

/** Atomic write: a crash mid-write leaves the previous lab.json, never half of one. */
export async function saveLabState(state: LabState): Promise<void> {
  const file = labLayout(state.stateDir).stateFile;
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, JSON.stringify(state, null, 2) + '\n', { mode: 0o644 });
  await rename(tmp, file);
}

export async function loadLabState(stateDir: string): Promise<LabState> {
  const file = labLayout(stateDir).stateFile;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new TsibleError(`no lab state at ${file}`, {
      code: 'TSIBLE_LAB_NO_STATE',
      hint: 'is the lab up? "tsible lab status" lists the labs',
    });
  }
  const parsed: unknown = JSON.parse(text);
  if (typeof parsed !== 'object' || parsed === null || (parsed as { version?: unknown }).version !== 1) {
    throw new TsibleError(`${file} is not a tsible lab state file`, { code: 'TSIBLE_LAB_BAD_STATE' });
  }
  return parsed as LabState;
}
