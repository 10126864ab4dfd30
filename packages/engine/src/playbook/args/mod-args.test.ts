import { TsibleError } from '../../errors/tsible-error.js';
import { UnsafeText } from '../../loader/tagged-values.js';
import { parseYaml } from '../../loader/yaml.js';
import { resolveAction } from './mod-args.js';

const knownActions = new Set(['file', 'copy', 'command', 'shell', 'debug', 'include_tasks', 'import_tasks', 'lineinfile', 'sysctl']);
const ctx = { knownActions, isHandler: false };

/** The first task of a YAML task list, with locations, as the loader sees it. */
function task(yaml: string): Record<string, unknown> {
  return (parseYaml(yaml, 'tasks.yml') as Record<string, unknown>[])[0]!;
}

function failure(yaml: string): TsibleError {
  try {
    resolveAction(task(yaml), ctx);
  } catch (err) {
    if (err instanceof TsibleError) return err;
    throw err;
  }
  throw new Error('expected the task to be rejected');
}

describe('resolveAction', () => {
  it('reads the mapping form', () => {
    expect(resolveAction(task('- file:\n    path: /x\n    state: touch\n'), ctx)).toEqual({
      action: 'file', resolved: 'file', args: { path: '/x', state: 'touch' }, sourceKey: 'file',
    });
  });

  it('reads key=value with quotes and merges args: under the inline ones', () => {
    const r = resolveAction(task('- lineinfile: path=/f line="a b"\n  args:\n    line: overridden\n    create: true\n'), ctx);
    expect(r.args).toEqual({ path: '/f', line: 'a b', create: true });
  });

  it('keeps free-form command text raw, splitting off command options', () => {
    const r = resolveAction(task('- command: echo "a b" chdir=/tmp\n'), ctx);
    expect(r.args).toEqual({ _raw_params: 'echo "a b"', chdir: '/tmp' });
  });

  it('maps ansible.builtin, ansible.legacy, ansible.posix and community.general names to short names', () => {
    expect(resolveAction(task('- ansible.builtin.copy: src=a dest=b\n'), ctx)).toMatchObject({ action: 'ansible.builtin.copy', resolved: 'copy' });
    expect(resolveAction(task('- ansible.legacy.shell: ls\n'), ctx)).toMatchObject({ resolved: 'shell', args: { _raw_params: 'ls' } });
    expect(resolveAction(task('- ansible.posix.sysctl: name=x value=1\n'), ctx)).toMatchObject({ resolved: 'sysctl' });
  });

  it('reads action: and local_action: (which delegates to localhost)', () => {
    expect(resolveAction(task('- action: copy src=a dest=b\n'), ctx)).toMatchObject({ action: 'copy', args: { src: 'a', dest: 'b' }, sourceKey: 'action' });
    expect(resolveAction(task('- local_action:\n    module: command\n    _raw_params: ls\n'), ctx)).toMatchObject({ action: 'command', delegateTo: 'localhost' });
    expect(resolveAction(task('- local_action: command echo hi\n'), ctx)).toMatchObject({ args: { _raw_params: 'echo hi' }, delegateTo: 'localhost' });
  });

  it('keeps loop and task keywords out of the action', () => {
    const r = resolveAction(task('- name: x\n  debug: msg=a\n  with_items: [1]\n  when: true\n  register: out\n'), ctx);
    expect(r).toMatchObject({ action: 'debug', args: { msg: 'a' } });
  });

  it('rejects an unknown module with a did-you-mean hint at the key', () => {
    const err = failure('- name: t\n  copyy: src=a dest=b\n');
    expect(err.message).toBe("couldn't resolve module/action 'copyy'. This often indicates a misspelling, missing collection, or incorrect module path.");
    expect(err.location).toEqual({ file: 'tasks.yml', line: 2, column: 3 });
    expect(err.hint).toBe("did you mean 'copy'?");
    expect(err.exitCode).toBe(4);
  });

  it('names both actions when there are two, and spots a misspelt keyword', () => {
    const err = failure('- debug: msg=a\n  whenn: true\n');
    expect(err.message).toBe('conflicting action statements: debug, whenn');
    expect(err.hint).toBe("'whenn' is not a valid task keyword; did you mean 'when'?");
    expect(err.location?.line).toBe(2);
  });

  it('rejects a task without an action', () => {
    expect(failure('- name: nothing\n  when: true\n').message).toBe('no module/action detected in task.');
  });

  it('rejects extra free text for modules that take key=value only', () => {
    expect(failure('- file: path=/x touch\n').message).toMatch(/^this task 'file' has extra params/);
  });

  it('keeps !unsafe text unsafe through argument parsing', () => {
    const raw = resolveAction(task("- shell: !unsafe 'echo {{ x }}'\n"), ctx).args['_raw_params'];
    expect(raw).toBeInstanceOf(UnsafeText);
    expect(String(raw)).toBe('echo {{ x }}');
    const kv = resolveAction(task("- copy: !unsafe 'content={{x}} dest=/tmp/a'\n"), ctx).args;
    expect(kv['content']).toEqual(new UnsafeText('{{x}}'));
  });

  it('rejects action and local_action together', () => {
    expect(failure('- action: debug\n  local_action: debug\n').message).toBe('action and local_action are mutually exclusive');
  });
});
