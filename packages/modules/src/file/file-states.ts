import type { ModuleResult } from '@tsible/engine';
import { shellQuote } from '@tsible/engine/connection/quote';
import { attrsCall, attrsWords } from '../support/file-attrs/attrs-script.js';
import { chattrCall } from '../support/file-attrs/flags.js';
import { attributeChanges, initialDiff, type FileDiff } from '../support/file-attrs/attrs-diff.js';
import { hasAttributes } from '../support/file-attrs/common-options.js';
import { ansibleState, followed, octalMode, type FileState, type PresentState } from '../support/file-state/file-state.js';
import { resolveMode } from '../support/file-attrs/mode.js';
import { dirname, joinPath } from '../support/remote/paths.js';
import { remotePathWord } from '../support/remote-path.js';
import type { FileJob, FileStep } from './file-job.js';
import { timestampPlan } from './file-timestamps.js';

const fail = (msg: string, extra: ModuleResult = {}): FileStep => ({ kind: 'result', result: { changed: false, ...extra, failed: true, msg } });

/** Attribute and timestamp changes on an existing path, as set_fs_attributes_if_different + update_timestamp_for_file. */
function settle(job: FileJob, current: PresentState, word: string, diff: FileDiff, noFollow = false): { changed: boolean; commands: string[] } {
  const attrsChanged = attributeChanges(current, job.attrs, job.umask, job.ids, diff);
  const times = timestampPlan(current, job.times, word, noFollow, diff);
  const commands = attrsChanged ? [attrsCall(word, job.attrs, noFollow)] : [];
  const flags = job.flags;
  if (flags !== undefined && job.params.attributes !== null) {
    // Ansible's set_attributes_if_different: the flags as lsattr shows them, and what was asked.
    diff.before['attributes'] = flags.before;
    diff.after['attributes'] = flags.after;
    commands.push(chattrCall(word, job.params.attributes, false));
  }
  return { changed: attrsChanged || flags !== undefined || times.changed, commands: [...commands, ...times.commands] };
}

/** With follow, a symlink stands for what it points to (Ansible uses its realpath). */
function followLink(job: FileJob): { path: string; word: string; state: FileState } {
  const before = job.before;
  if (job.params.follow && before.exists && before.type === 'link' && before.realPath !== undefined) {
    return { path: before.realPath, word: shellQuote(before.realPath), state: followed(before) };
  }
  return { path: job.path, word: job.pathWord, state: before };
}

/** A path the task creates gets its flags right after (the act's @AT record tells what changed). */
function createdFlags(job: FileJob, word: string): string[] {
  return job.params.attributes === null ? [] : [chattrCall(word, job.params.attributes, false)];
}

export function ensureFile(job: FileJob): FileStep {
  const { path, word, state } = followLink(job);
  const prev = ansibleState(state);
  if (!state.exists || (prev !== 'file' && prev !== 'hard')) return fail(`file (${path}) is ${prev}, cannot continue`, { path, state: prev });
  const diff = initialDiff(path, 'file', prev);
  const settled = settle(job, state, word, diff);
  return { kind: 'act', result: { path }, diff, infoWord: word, ...settled };
}

function mkdirCommands(job: FileJob, path: string): string[] {
  const absolute = path.startsWith('/');
  const parts = path.split('/').filter((part) => part !== '');
  const commands: string[] = [];
  let current = absolute ? '' : undefined;
  for (const part of parts) {
    current = current === undefined ? part : `${current}/${part}`;
    commands.push(`ts_mkdir ${remotePathWord(current)} ${attrsWords(job.attrs)}`);
  }
  return commands;
}

export function ensureDirectory(job: FileJob): FileStep {
  const { path, word, state } = followLink(job);
  const prev = ansibleState(state);
  const diff = initialDiff(path, 'directory', prev);
  if (!state.exists) {
    const commands = [...mkdirCommands(job, path), ...createdFlags(job, word)];
    commands.push(...timestampPlan(emptyPresent(), job.times, word, false, initialDiff(path, 'directory', prev)).commands);
    const checkModeResult = { path, changed: true, diff: { before: { ...diff.before }, after: { ...diff.after } } };
    createdModeDiff(job, diff, 0o777);
    return { kind: 'act', result: { path }, changed: true, diff, commands, infoWord: word, checkModeResult };
  }
  if (prev !== 'directory') return fail(`${path} already exists as a ${prev}`, { path });
  const settled = settle(job, state, word, diff);
  let changed = settled.changed;
  const commands = [...settled.commands];
  if (job.params.recurse) {
    const treeChanged = job.tree.some((entry) => attributeChanges(entry.state, job.attrs, job.umask, job.ids));
    if (treeChanged) {
      changed = true;
      commands.push(...recursiveCommands(job, word));
    }
  }
  return { kind: 'act', result: { path }, changed, diff, commands, infoWord: word };
}

function recursiveCommands(job: FileJob, word: string): string[] {
  const commands: string[] = [];
  const h = job.params.follow ? '' : ' -h';
  if (job.attrs.owner !== null) commands.push(`chown -R${h} -- ${shellQuote(job.attrs.owner)} ${word} || ts_fail 'chown failed'`);
  if (job.attrs.group !== null) commands.push(`chgrp -R${h} -- ${shellQuote(job.attrs.group)} ${word} || ts_fail 'chgrp failed'`);
  if (job.attrs.mode !== null) {
    const mode = job.attrs.mode.kind === 'octal' ? job.attrs.mode.mode.toString(8) : job.attrs.mode.expression;
    commands.push(`find ${word} ! -type l -exec chmod -- ${shellQuote(mode)} {} + || ts_fail 'chmod failed'`);
  }
  return commands;
}

export function ensureAbsent(job: FileJob): FileStep {
  const prev = ansibleState(job.before);
  if (prev === 'absent') return { kind: 'result', result: { path: job.path, changed: false, state: 'absent' } };
  const diff = initialDiff(job.path, 'absent', prev);
  if (prev === 'directory') {
    diff.before['path_content'] = {
      directories: job.tree.filter((e) => e.state.type === 'directory').map((e) => e.path),
      files: job.tree.filter((e) => e.state.type !== 'directory').map((e) => e.path),
    };
  }
  const remove = prev === 'directory' ? 'rm -rf' : 'rm -f';
  const commands = [`ts_e=$(${remove} -- ${job.pathWord} 2>&1) || ts_fail "rmtree failed: $ts_e"`];
  return { kind: 'act', result: { path: job.path, state: 'absent' }, changed: true, diff, commands, infoWord: job.pathWord };
}

export function executeTouch(job: FileJob): FileStep {
  const prev = ansibleState(job.before);
  const word = job.pathWord;
  if (!job.before.exists) {
    const diff = initialDiff(job.path, 'touch', prev);
    const created = emptyPresent();
    const commands = [`ts_e=$( { : >> ${word}; } 2>&1) || ts_fail "Error, could not touch target: $ts_e"`];
    if (hasAttributes(job.attrs)) commands.push(attrsCall(word, job.attrs));
    commands.push(...createdFlags(job, word));
    createdModeDiff(job, diff, 0o666);
    commands.push(...timestampPlan(created, job.times, word, false, diff).commands);
    return { kind: 'act', result: { dest: job.path }, changed: true, diff, commands, infoWord: word, checkModeResult: { dest: job.path, changed: true } };
  }
  const diff = initialDiff(job.path, 'touch', prev);
  const target = job.params.follow ? followed(job.before) : job.before;
  const current = target.exists ? target : job.before;
  const settled = settle(job, current, word, diff, !job.params.follow);
  return { kind: 'act', result: { dest: job.path }, diff, infoWord: word, ...settled };
}

export function ensureSymlink(job: FileJob): FileStep {
  const { path, before, params } = job;
  const prev = ansibleState(before);
  let src = params.src;
  if (src === null && params.follow && before.exists && before.type === 'link' && before.linkTarget !== undefined && followed(before).exists) {
    src = before.linkTarget;
  }
  const relBase = before.exists && before.type === 'directory' ? path : dirname(path);
  if (src !== null) {
    const absrc = joinPath(relBase, src);
    const srcState = src.startsWith('/') ? job.sources.get('abs') : job.sources.get(before.exists && before.type === 'directory' ? 'in' : 'beside');
    if (!params.force && !(srcState !== undefined && followed(srcState).exists)) {
      return fail(`src file does not exist, use "force=yes" if you really want to create the link: ${absrc}`, { path, src });
    }
  }
  if (prev === 'directory') {
    if (!params.force) return fail(`refusing to convert from ${prev} to symlink for ${path}`, { path });
    if (job.tree.length > 0) return fail(`the directory ${path} is not empty, refusing to convert it`, { path });
  } else if ((prev === 'file' || prev === 'hard') && !params.force) {
    return fail(`refusing to convert from ${prev} to symlink for ${path}`, { path });
  }
  const diff = initialDiff(path, 'link', prev);
  let changed = false;
  if (prev !== 'link') {
    if (src === null) return fail('src is required for creating new symlinks');
    changed = true;
  } else if (src !== null && before.exists && before.linkTarget !== src) {
    diff.before['src'] = before.linkTarget;
    diff.after['src'] = src;
    changed = true;
  }
  const commands: string[] = [];
  if (changed && src !== null) {
    if (prev === 'directory') commands.push(`rmdir -- ${job.pathWord} || ts_fail 'Error while replacing: could not remove the directory'`);
    commands.push(`ts_e=$(ln -sfn -- ${shellQuote(src)} ${job.pathWord} 2>&1) || ts_fail "Error while linking: $ts_e"`);
  }
  const result = { dest: path, src };
  // Attributes go to what the link points to (follow) or the link itself, once it exists.
  const linkTarget = followed(before);
  if (before.exists && before.type === 'link' && !changed) {
    if (params.follow && !linkTarget.exists) return { kind: 'act', result, changed, diff, commands, infoWord: job.pathWord };
    const current = params.follow && linkTarget.exists ? linkTarget : before;
    const settled = settle(job, current, job.pathWord, diff, !params.follow);
    return { kind: 'act', result, changed: settled.changed, diff, commands: settled.commands, infoWord: job.pathWord };
  }
  if (hasAttributes(job.attrs)) commands.push(attrsCall(job.pathWord, job.attrs, !params.follow));
  const checkModeResult = before.exists ? undefined : { ...result, changed, diff };
  return { kind: 'act', result, changed, diff, commands, infoWord: job.pathWord, ...(checkModeResult === undefined ? {} : { checkModeResult }) };
}

export function ensureHardlink(job: FileJob): FileStep {
  const { path, before, params } = job;
  const prev = ansibleState(before);
  const src = params.src;
  if (prev !== 'hard' && src === null) return fail('src is required for creating new hardlinks');
  const srcState = job.sources.get('abs');
  const srcTarget = srcState === undefined ? undefined : followed(srcState);
  if (src !== null && (srcTarget === undefined || !srcTarget.exists)) return fail('src does not exist', { dest: path, src });
  const diff = initialDiff(path, 'hard', prev);
  let changed = false;
  const sameInode = (): boolean => before.exists && srcTarget !== undefined && srcTarget.exists && before.inode === srcTarget.inode && before.dev === srcTarget.dev;
  if (prev === 'absent') changed = true;
  else if (prev === 'link') {
    if (before.exists && before.linkTarget !== src) {
      diff.before['src'] = before.linkTarget;
      diff.after['src'] = src;
      changed = true;
    }
  } else if (prev === 'hard') {
    if (src !== null && !sameInode()) {
      changed = true;
      if (!params.force) return fail('Cannot link, different hard link exists at destination', { dest: path, src });
    }
  } else if (prev === 'file') {
    changed = true;
    if (!params.force) return fail(`Cannot link, ${prev} exists at destination`, { dest: path, src });
  } else if (prev === 'directory') {
    if (sameInode()) return { kind: 'result', result: { path, changed: false } };
    return fail('Cannot link: different hard link exists at destination', { dest: path, src });
  }
  const commands: string[] = [];
  if (changed && src !== null) commands.push(`ts_e=$(ln -f -- ${shellQuote(src)} ${job.pathWord} 2>&1) || ts_fail "Error while linking: $ts_e"`);
  const result = { dest: path, src };
  if (!changed && before.exists) {
    const settled = settle(job, before, job.pathWord, diff);
    return { kind: 'act', result, changed: settled.changed, diff, commands: settled.commands, infoWord: job.pathWord };
  }
  if (hasAttributes(job.attrs)) commands.push(attrsCall(job.pathWord, job.attrs));
  const checkModeResult = before.exists ? undefined : { ...result, changed, diff };
  return { kind: 'act', result, changed, diff, commands, infoWord: job.pathWord, ...(checkModeResult === undefined ? {} : { checkModeResult }) };
}

/** The mode diff Ansible records for a path it just created: the umask's default, then the requested mode. */
function createdModeDiff(job: FileJob, diff: FileDiff, base: number): void {
  if (job.attrs.mode === null) return;
  const initial = base & ~job.umask;
  const wanted = resolveMode(job.attrs.mode, initial, base === 0o777, job.umask);
  if (wanted === initial) return;
  diff.before['mode'] = octalMode(initial);
  diff.after['mode'] = octalMode(wanted);
}

/** A stand-in for a path about to be created (mode 0, times unknown). */
function emptyPresent(): PresentState {
  return { exists: true, type: 'file', mode: 0, uid: -1, gid: -1, owner: '', group: '', size: 0, mtime: 0, atime: 0, ctime: 0, nlink: 1, inode: 0, dev: 0, blocks: 0, blockSize: 0, rdev: 0 };
}
