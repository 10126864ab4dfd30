import { RecordingSink, type Connection } from '@tsible/engine';
import { describeLab, useLabHosts } from '../lab/lab.js';
import { ansibleMessages } from './support/ansible-messages.js';
import { connectionPool, isolatedHome, labTarget, targetVars, type SshTarget } from './support/targets.js';

describeLab('privilege escalation over ssh', () => {
  const hosts = useLabHosts(1);
  const home = isolatedHome();
  const pool = connectionPool();
  const sink = new RecordingSink();
  let target: SshTarget;
  /** tester2: sudo asks for the password. */
  let connection: Connection;
  beforeAll(() => {
    target = labTarget(hosts()[0]!, 'tester2');
    connection = pool.open('tester2', targetVars(target), home.settings({ events: sink }));
  });
  afterAll(async () => {
    await pool.closeAll();
    home.cleanup();
  });

  it('uses password-less sudo (sudo -H -S -n) when the rules allow it', async () => {
    const tester = pool.open('tester', targetVars(labTarget(hosts()[0]!, 'tester')), home.settings());
    const result = await tester.run({ script: 'id -un; echo "$HOME"', become: { method: 'sudo', user: 'root' } });
    expect(result.stdout.toString()).toBe('root\n/root\n');
  });

  it('runs as root with sudo and a password, delivering stdin after the prompt', async () => {
    const result = await connection.run({
      argv: ['sh', '-c', 'id -un; cat'],
      stdin: 'payload\n',
      become: { method: 'sudo', user: 'root', password: target.password },
    });
    expect(result).toMatchObject({ rc: 0 });
    expect(result.stdout.toString()).toBe('root\npayload\n');
    expect(result.stderr.toString()).toBe('');
  });

  it('never lets the password reach argv, output or logs', async () => {
    const probe = await connection.run({
      script: 'ps -eo args; cat /proc/$$/cmdline',
      become: { method: 'sudo', user: 'root', password: target.password },
    });
    // Our own processes: sudo, the shells it started, and what they print.
    const ours = `${probe.stdout}${probe.stderr}`.split('\n').filter((line) => /sudo|BECOME-SUCCESS|sh -c/.test(line));
    expect(ours.join('\n')).toContain('sudo -H -S -p');
    expect(ours.filter((line) => line.includes(target.password))).toEqual([]);
    expect(sink.messages().filter((line) => line.includes(target.password))).toEqual([]);
  });

  it('fails with "Incorrect sudo password" on a wrong password, without hanging', async () => {
    const started = Date.now();
    await expect(connection.run({ argv: ['true'], become: { method: 'sudo', user: 'root', password: 'not-the-password' } })).rejects.toMatchObject({
      code: 'TSIBLE_BECOME_FAILED',
      message: ansibleMessages().incorrect_become_password,
    });
    expect(Date.now() - started).toBeLessThan(8000);
  });

  it('fails with "Missing sudo password" when sudo needs one and none is given', async () => {
    await expect(connection.run({ argv: ['true'], become: { method: 'sudo', user: 'root' } })).rejects.toMatchObject({
      message: ansibleMessages().missing_become_password,
    });
  });

  it('switches to root with su on a terminal, answering its Password: prompt', async () => {
    const result = await connection.run({
      argv: ['sh', '-c', 'id -un; printf "%s|" "$@"', 'sh', "it's", '$HOME'],
      become: { method: 'su', user: 'root', password: target.password },
    });
    expect(result.stdout.toString()).toBe(`root\nit's|$HOME|`);
  });

  it('hands su a large script and a binary stdin byte-exact through the terminal', async () => {
    const payload = Buffer.concat([Buffer.from(Array.from({ length: 256 }, (_, i) => i)), Buffer.from('\x03\x04\x1a\r\n\x7f no newline')]);
    const result = await connection.run({
      script: `# ${'z'.repeat(10_000)}\nid -un; od -An -tx1 -v | tr -d ' \\n'`,
      stdin: payload,
      become: { method: 'su', user: 'root', password: target.password },
    });
    expect(result.stdout.toString()).toBe(`root\n${payload.toString('hex')}`);
  });

  it('gives a script under su an empty stdin when the request has none', async () => {
    const result = await connection.run({ script: 'cat; echo done', become: { method: 'su', user: 'root', password: target.password } });
    expect(result.stdout.toString()).toBe('done\n');
  });

  it('fails with "Incorrect su password" on a wrong su password', async () => {
    await expect(connection.run({ argv: ['true'], become: { method: 'su', user: 'root', password: 'nope' } })).rejects.toMatchObject({
      message: 'Incorrect su password',
    });
  }, 15_000);
});
