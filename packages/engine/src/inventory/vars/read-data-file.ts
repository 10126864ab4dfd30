import { readFileSync } from 'node:fs';
import { parseJsonOrYaml } from '../../loader/yaml.js';
import type { EventSink } from '../../output/events.js';

/** Reads a group_vars/host_vars file as Ansible's loader does (JSON first, then YAML 1.1). */
export function readDataFile(path: string, sink?: EventSink): unknown {
  return parseJsonOrYaml(readFileSync(path, 'utf8'), path, sink ? { sink } : {});
}
