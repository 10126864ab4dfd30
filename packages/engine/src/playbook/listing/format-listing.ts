import { compilePlay } from '../compile.js';
import { inheritedTags } from '../inheritance.js';
import type { Block, Play, Playbook, Task } from '../model.js';
import { isSelected, type TagSelection } from '../tag-selection.js';
import { renderOrKeep } from '../load-time-templates.js';
import type { EventSink } from '../../output/events.js';
import { displayPlay, playHeaderVars, pythonListRepr } from './play-display.js';

export interface ListingRequest {
  listTasks: boolean;
  listTags: boolean;
  /** Set for --list-hosts: the hosts a play's patterns select (limit applied). */
  hostsFor?: ((patterns: readonly string[]) => readonly string[]) | undefined;
  selection: TagSelection;
  extraVars: Record<string, unknown>;
  /** Receives warnings from rendering play names, hosts and tags. */
  sink: EventSink;
}

/**
 * ansible-playbook's --list-hosts / --list-tasks / --list-tags text for one
 * playbook, byte for byte. Quirks kept on purpose: play tags are joined with
 * ',' but task tags with ', '; only the `block:` part of blocks is listed
 * (not rescue/always); tasks without a name show their action.
 */
export function formatListing(shownAs: string, playbook: Playbook, request: ListingRequest): string {
  let out = `\nplaybook: ${shownAs}\n`;
  playbook.plays.forEach((play, index) => {
    const { hosts, name } = displayPlay(play, request.extraVars, request.sink);
    const vars = playHeaderVars(play, request.extraVars);
    const playTags = play.tags.map((tag) => renderOrKeep(tag, vars, request.sink));
    let header = `\n  play #${index + 1} (${hosts.join(',')}): ${name}\tTAGS: [${[...new Set(playTags)].sort().join(',')}]`;
    if (request.hostsFor) {
      const selected = request.hostsFor(hosts);
      header += `\n    pattern: ${pythonListRepr(hosts)}\n    hosts (${selected.length}):`;
      for (const host of selected) header += `\n      ${host}`;
    }
    out += `${header}\n`;
    if (request.listTasks || request.listTags) out += withNewline(taskSection(play, playTags, vars, request));
  });
  return out;
}

function taskSection(play: Play, playTags: readonly string[], vars: Record<string, unknown>, request: ListingRequest): string {
  let text = request.listTasks ? '    tasks:\n' : '';
  const seenTags = new Set<string>();
  for (const task of listedTasks(compilePlay(play))) {
    const tags = [...new Set([...inheritedTags(task).map((tag) => renderOrKeep(tag, vars, request.sink)), ...playTags])];
    if (!isSelected(tags, request.selection)) continue;
    tags.forEach((tag) => seenTags.add(tag));
    if (request.listTasks) text += `      ${taskLabel(task)}\tTAGS: [${tags.sort().join(', ')}]\n`;
  }
  if (request.listTags) text += `      TASK TAGS: [${[...new Set([...playTags, ...seenTags])].sort().join(', ')}]\n`;
  return text;
}

/** ansible-playbook lists the `block:` part of every block, recursively, and nothing from rescue/always. */
function* listedTasks(blocks: readonly Block[]): Generator<Task> {
  for (const block of blocks) {
    for (const entry of block.block) {
      if (entry.kind === 'block') yield* listedTasks([entry]);
      else yield entry;
    }
  }
}

/** `role : name` for named role tasks, the name, or the action as written when unnamed. */
export function taskLabel(task: Task): string {
  if (task.name === undefined || task.name === '') return task.action;
  return task.role ? `${task.role.name} : ${task.name}` : task.name;
}

function withNewline(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}
