import { mkdtempSync, mkdirSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Emitter, RecordingSink, runModuleTask, type Module, type TaskOutcome } from '@tsible/engine';
import { commandModule } from './command.js';
import { shellModule } from './shell.js';
import { rawModule } from './raw.js';
import { LocalTestConnection } from './testing/local-test-connection.js';

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'tsible-command-'));
  writeFileSync(join(work, 'a.log'), '');
  mkdirSync(join(work, 'sub dir'));
  writeFileSync(join(work, 'script.sh'), '#!/bin/sh\necho from script\n');
  writeFileSync(join(work, 'noexec.sh'), '#!/bin/sh\necho never\n');
  chmodSync(join(work, 'script.sh'), 0o755);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function run(module: Module, args: Record<string, unknown>, checkMode = false, timeoutMs?: number): Promise<TaskOutcome & { requests: number }> {
  const connection = new LocalTestConnection();
  const outcome = await runModuleTask(module, args, { connection, checkMode, diffMode: false, timeoutMs, emit: new Emitter(new RecordingSink()) });
  return { ...outcome, requests: connection.requests.length };
}

describe('command', () => {
  it('runs argv without a shell: no expansion, quotes kept as shlex splits them', async () => {
    const { result } = await run(commandModule, { _raw_params: 'echo $HOME "a  b" \'*\' ;' });
    expect(result.stdout).toBe('$HOME a  b * ;');
    expect(result.cmd).toEqual(['echo', '$HOME', 'a  b', '*', ';']);
  });

  it('takes argv as a list', async () => {
    const { result } = await run(commandModule, { argv: ['printf', '%s|', 'x y', 'z'] });
    expect(result.stdout).toBe('x y|z|');
  });

  it('refuses both free-form text and argv, and no command at all', async () => {
    expect((await run(commandModule, { _raw_params: 'echo', argv: ['echo'] })).result).toMatchObject({ failed: true, rc: 256, msg: 'only command or argv can be given, not both' });
    expect((await run(commandModule, { _raw_params: '  ' })).result).toMatchObject({ failed: true, rc: 256, msg: 'no command given' });
  });

  it('expands creates as a glob, relative to chdir', async () => {
    const skipped = await run(commandModule, { _raw_params: 'touch new', chdir: work, creates: '*.log' });
    expect(skipped.result).toMatchObject({ changed: false, rc: 0, stdout: 'skipped, since *.log exists', msg: "Did not run command since '*.log' exists" });
    expect(skipped.requests).toBe(1);
    const ran = await run(commandModule, { _raw_params: 'pwd', chdir: join(work, 'sub dir'), creates: '*.none' });
    expect(ran.result).toMatchObject({ changed: true, rc: 0, stdout: join(work, 'sub dir') });
  });

  it('expands ~ in paths to the remote home', async () => {
    const { result } = await run(commandModule, { _raw_params: 'pwd', chdir: '~' });
    expect(result.stdout).toBe(process.env['HOME']);
  });

  it('reports a chdir that is not a directory as Ansible does', async () => {
    const { result } = await run(commandModule, { _raw_params: 'pwd', chdir: join(work, 'a.log') });
    expect(result).toMatchObject({ failed: true, rc: null, msg: `Unable to change directory before execution: [Errno 20] Not a directory: b'${join(work, 'a.log')}'` });
  });

  it('runs programs by path, and reports ones that cannot run', async () => {
    expect((await run(commandModule, { _raw_params: join(work, 'script.sh') })).result.stdout).toBe('from script');
    expect((await run(commandModule, { _raw_params: `${join(work, 'noexec.sh')} x` })).result).toMatchObject({
      changed: false,
      failed: true,
      rc: 13,
      msg: `[Errno 13] Permission denied: b'${join(work, 'noexec.sh')}'`,
      cmd: `${join(work, 'noexec.sh')} x`,
    });
  });

  it('feeds stdin, with or without the added newline', async () => {
    expect((await run(commandModule, { _raw_params: 'od -c', stdin: 'hi' })).result.stdout).toContain('h   i  \\n');
    expect((await run(commandModule, { _raw_params: 'od -c', stdin: 'hi', stdin_add_newline: false })).result.stdout).not.toContain('\\n');
  });

  it('strips trailing newlines unless strip_empty_ends is off', async () => {
    expect((await run(commandModule, { _raw_params: "printf 'x\\n\\n'" })).result.stdout).toBe('x');
    const kept = await run(commandModule, { _raw_params: "printf 'x\\n\\n'", strip_empty_ends: false });
    expect(kept.result.stdout).toBe('x\n\n');
    expect(kept.result.stdout_lines).toEqual(['x', '']);
  });

  it('warns that executable is ignored', async () => {
    const { result } = await run(commandModule, { _raw_params: 'true', executable: '/bin/bash' });
    expect(result.warnings).toEqual(["As of Ansible 2.4, the parameter 'executable' is no longer supported with the 'command' module. Not using '/bin/bash'."]);
  });

  it('formats start, end and delta as Python does', async () => {
    const { result } = await run(commandModule, { _raw_params: 'true' });
    expect(result.start).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d{6})?$/);
    expect(result.end).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d{6})?$/);
    expect(result.delta).toMatch(/^0:00:0\d(\.\d{6})?$/);
  });

  it('checks creates in check mode without running the command', async () => {
    const { result } = await run(commandModule, { _raw_params: `touch ${join(work, 'should-not-exist')}`, creates: join(work, 'missing') }, true);
    expect(result).toMatchObject({ changed: true, rc: 0, msg: 'Command would have run if not in check mode' });
    const again = await run(commandModule, { _raw_params: `ls ${join(work, 'should-not-exist')}` });
    expect(again.result.rc).not.toBe(0);
  });
});

describe('shell', () => {
  it('runs through /bin/sh with pipes, globs and variables', async () => {
    const { result } = await run(shellModule, { _raw_params: `cd ${work} && ls *.log | tr a-z A-Z; echo "$0"` });
    expect(result.stdout).toBe('A.LOG\n/bin/sh');
    expect(result.cmd).toBe(`cd ${work} && ls *.log | tr a-z A-Z; echo "$0"`);
  });

  it('fails with Ansible\'s message when the task timeout ends the command', async () => {
    const { status, result } = await run(shellModule, { _raw_params: 'sleep 5' }, false, 1000);
    expect(status).toBe('failed');
    expect(result).toEqual({ failed: true, changed: false, msg: 'The shell action failed to execute in the expected time frame (1) and was terminated' });
  });

  it('honours executable', async () => {
    const { result } = await run(shellModule, { _raw_params: 'echo "$0"', executable: '/bin/bash' });
    expect(result.stdout).toBe('/bin/bash');
  });
});

describe('raw', () => {
  it('keeps output exactly, and fails on a non-zero rc', async () => {
    const ok = await run(rawModule, { _raw_params: "printf 'a\\n\\n'" });
    expect(ok.result).toEqual({ changed: true, rc: 0, stdout: 'a\n\n', stdout_lines: ['a', ''], stderr: '', stderr_lines: [] });
    const failed = await run(rawModule, { _raw_params: 'exit 5' });
    expect(failed.result).toMatchObject({ failed: true, rc: 5, msg: 'non-zero return code' });
  });
});
