import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scriptModule } from './script.js';
import { runLocal, tempWorkspace } from './testing/module-harness.js';

const ws = tempWorkspace('script');
beforeEach(ws.setup);
afterEach(ws.cleanup);

const controller = () => ({ controller: { inventoryHostname: 'localhost', searchPaths: [ws.dir()], workDir: ws.dir() } });

describe('script', () => {
  it('runs a script from the search path with its arguments, in chdir, in one exec', async () => {
    writeFileSync(join(ws.dir(), 'args.sh'), 'printf "%s|" "$@"; pwd\n');
    const run = await runLocal(scriptModule, { _raw_params: "args.sh one 'two words'", chdir: '/' }, { extra: controller() });
    expect(run.result).toMatchObject({ changed: true, rc: 0, stdout: 'one|two words|/\n', stdout_lines: ['one|two words|/'], stderr: '' });
    expect(run.execs).toBe(1);
  });

  it('skips when creates exists or removes does not, without running the script', async () => {
    writeFileSync(join(ws.dir(), 'touch.sh'), `touch ${join(ws.dir(), 'ran')}\n`);
    const creates = await runLocal(scriptModule, { _raw_params: 'touch.sh', creates: ws.dir() }, { extra: controller() });
    expect(creates.result).toMatchObject({ changed: false, skipped: true, msg: `${ws.dir()} exists, matching creates option` });
    const removes = await runLocal(scriptModule, { _raw_params: 'touch.sh', removes: join(ws.dir(), 'nope') }, { extra: controller() });
    expect(removes.result).toMatchObject({ skipped: true, msg: `${join(ws.dir(), 'nope')} does not exist, matching removes option` });
    expect(existsSync(join(ws.dir(), 'ran'))).toBe(false);
  });

  it('does not run in check mode', async () => {
    writeFileSync(join(ws.dir(), 'touch.sh'), `touch ${join(ws.dir(), 'ran')}\n`);
    const plain = await runLocal(scriptModule, { _raw_params: 'touch.sh' }, { checkMode: true, extra: controller() });
    expect(plain.result).toMatchObject({ changed: false, skipped: true, msg: 'Check mode is not supported for this task.' });
    const guarded = await runLocal(scriptModule, { _raw_params: 'touch.sh', creates: join(ws.dir(), 'nope') }, { checkMode: true, extra: controller() });
    expect(guarded.result).toMatchObject({ changed: true });
    expect(existsSync(join(ws.dir(), 'ran'))).toBe(false);
  });

  it('fails with the rc and output of a failing script', async () => {
    writeFileSync(join(ws.dir(), 'fail.sh'), 'echo bad >&2; exit 4\n');
    const run = await runLocal(scriptModule, { _raw_params: 'fail.sh' }, { extra: controller() });
    expect(run.result).toMatchObject({ failed: true, rc: 4, stderr: 'bad\n', msg: 'non-zero return code' });
  });

  it("reports Ansible's messages for a missing script and a relative chdir", async () => {
    expect((await runLocal(scriptModule, { _raw_params: 'missing.sh' }, { extra: controller() })).result.msg).toMatch(/^Could not find or access 'missing.sh' on the Ansible Controller\./);
    expect((await runLocal(scriptModule, { _raw_params: 'x.sh', chdir: 'rel' }, { extra: controller() })).result.msg).toBe('chdir rel must be an absolute path for a Unix-aware remote node');
  });
});
