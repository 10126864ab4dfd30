import { isMapping, parserError } from '../errors.js';
import { pythonTypeName } from '../python-type-name.js';
import { pythonRepr } from '../../template/python/repr.js';
import { BLOCK_KEYWORDS } from '../keywords.js';
import type { Block, BlockParent, TaskListEntry } from '../model.js';
import { locate } from '../yaml-source.js';
import { checkKeywordTypes, keywordsWithout, readTags, readVars, rejectUnknownKeys } from './keyword-checks.js';
import type { LoadScope } from './scope.js';
import { loadTaskEntry } from './tasks.js';

const BLOCK_SECTIONS = ['block', 'rescue', 'always'] as const;
const BLOCK_STRUCTURE: ReadonlySet<string> = new Set([...BLOCK_SECTIONS, 'name', 'tags']);

/**
 * Reads a task list (`tasks:`, a task file, a role's tasks/main.yml) into
 * blocks: explicit `block:` entries stay blocks, runs of plain tasks are
 * wrapped in implicit blocks, as Ansible does.
 */
export function loadBlockList(ds: unknown, holder: object | undefined, key: string | number | undefined, scope: LoadScope, parent: BlockParent | undefined): Block[] {
  if (ds === null || ds === undefined) return [];
  if (!Array.isArray(ds)) {
    throw parserError(
      'TSIBLE_PLAYBOOK_TYPE',
      `A malformed block was encountered while loading tasks: ${pythonRepr(ds)} should be a list or None but is ${pythonTypeName(ds)}`,
      holder === undefined ? undefined : locate(holder, key),
      'a task list is a YAML sequence: each task starts with "- "',
    );
  }
  const blocks: Block[] = [];
  let implicit: Block | undefined;
  ds.forEach((entry, index) => {
    if (isMapping(entry) && isBlockEntry(entry)) {
      implicit = undefined;
      blocks.push(loadExplicitBlock(entry, scope, parent, false));
      return;
    }
    if (!implicit) {
      implicit = emptyBlock(locate(ds, index) ?? { file: scope.file, line: 1, column: 1 }, scope, parent);
      blocks.push(implicit);
    }
    implicit.block.push(...loadTaskEntry(entry, ds, index, scope, implicit));
  });
  return blocks;
}

function isBlockEntry(ds: Record<string, unknown>): boolean {
  return BLOCK_SECTIONS.some((section) => section in ds);
}

function emptyBlock(location: Block['location'], scope: LoadScope, parent: BlockParent | undefined): Block {
  return { kind: 'block', name: undefined, explicit: false, block: [], rescue: [], always: [], keywords: {}, tags: [], parent, role: scope.role, location };
}

/** A `block:` entry nested anywhere in a task list. */
export function loadExplicitBlock(ds: Record<string, unknown>, scope: LoadScope, parent: BlockParent | undefined, nested: boolean): Block {
  // Ansible accepts blocks at the top of a handler list but not inside one.
  if (scope.isHandler && nested) throw parserError('TSIBLE_PLAYBOOK_HANDLER_BLOCK', 'Using a block as a handler is not supported.', locate(ds));
  if (!('block' in ds)) {
    const lonely = 'rescue' in ds ? 'rescue' : 'always';
    throw parserError('TSIBLE_PLAYBOOK_BLOCK', `'${lonely}' keyword cannot be used without 'block'`, locate(ds, lonely));
  }
  rejectUnknownKeys(ds, BLOCK_KEYWORDS, 'Block');
  checkKeywordTypes(ds);
  readVars(ds, 'Block');
  const block: Block = {
    kind: 'block',
    name: ds['name'] === undefined || ds['name'] === null ? undefined : String(ds['name']),
    explicit: true,
    block: [],
    rescue: [],
    always: [],
    keywords: keywordsWithout(ds, BLOCK_STRUCTURE),
    tags: readTags(ds),
    parent,
    role: scope.role,
    location: locate(ds) ?? { file: scope.file, line: 1, column: 1 },
  };
  for (const section of BLOCK_SECTIONS) {
    const list = ds[section];
    if (list === undefined || list === null) continue;
    if (!Array.isArray(list)) {
      throw parserError(
        'TSIBLE_PLAYBOOK_TYPE',
        `A malformed block was encountered while loading a block: '${section}' should be a list of tasks but is ${pythonTypeName(list)}`,
        locate(ds, section),
      );
    }
    list.forEach((entry, index) => block[section].push(...loadNested(entry, list, index, scope, block)));
  }
  return block;
}

function loadNested(entry: unknown, list: unknown[], index: number, scope: LoadScope, block: Block): TaskListEntry[] {
  if (isMapping(entry) && 'block' in entry) return [loadExplicitBlock(entry, scope, block, true)];
  return loadTaskEntry(entry, list, index, scope, block);
}
