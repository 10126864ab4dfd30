/** cron on a lab host: crontabs through `crontab -l`/`crontab -`, cron_file under /etc/cron.d. */
import { describeLab, useLabHosts } from '../lab/lab.js';
import { onHost, tsibleRun } from './run-module.js';

describeLab('cron module on a lab host', () => {
  const hosts = useLabHosts(1);
  const host = (): string => hosts()[0]?.name ?? '';
  const crontab = (user = 'root'): Promise<string> => onHost(host(), `crontab -u ${user} -l 2>/dev/null; true`);

  it('adds a job under its #Ansible marker; check mode changes nothing; then ok; a changed time rewrites it', async () => {
    await onHost(host(), "printf 'MAILTO=ops\\n5 * * * * /bin/true\\n' | crontab -");
    const args = 'name=backup minute=0 hour=2 job=/usr/local/bin/backup';
    expect(tsibleRun(host(), 'cron', args, ['--check']).caption).toBe('CHANGED');
    expect(await crontab()).toBe('MAILTO=ops\n5 * * * * /bin/true\n');
    const added = tsibleRun(host(), 'cron', args);
    expect(added.caption).toBe('CHANGED');
    expect(added.result).toMatchObject({ jobs: ['backup'], envs: ['MAILTO'] });
    expect(await crontab()).toBe('MAILTO=ops\n5 * * * * /bin/true\n#Ansible: backup\n0 2 * * * /usr/local/bin/backup\n');
    expect(tsibleRun(host(), 'cron', args).caption).toBe('SUCCESS');
    expect(tsibleRun(host(), 'cron', 'name=backup minute=30 hour=3 job=/usr/local/bin/backup').caption).toBe('CHANGED');
    expect(await crontab()).toBe('MAILTO=ops\n5 * * * * /bin/true\n#Ansible: backup\n30 3 * * * /usr/local/bin/backup\n');
  }, 120_000);

  it('env lines, disabled jobs, another user, backup and removal', async () => {
    expect(tsibleRun(host(), 'cron', 'name=PATH env=yes job=/usr/bin:/bin').caption).toBe('CHANGED');
    expect(tsibleRun(host(), 'cron', 'name=SHELL env=yes job=/bin/sh insertafter=PATH').caption).toBe('CHANGED');
    expect((await crontab()).split('\n').slice(0, 3)).toEqual(['PATH="/usr/bin:/bin"', 'SHELL="/bin/sh"', 'MAILTO=ops']);
    expect(tsibleRun(host(), 'cron', 'name=backup minute=30 hour=3 job=/usr/local/bin/backup disabled=yes').caption).toBe('CHANGED');
    expect(await crontab()).toContain('#Ansible: backup\n#30 3 * * * /usr/local/bin/backup\n');
    const removed = tsibleRun(host(), 'cron', 'name=backup state=absent backup=yes');
    expect(removed.caption).toBe('CHANGED');
    expect(await crontab()).not.toContain('backup');
    expect(await onHost(host(), `cat ${String(removed.result['backup_file'])}`)).toContain('#30 3 * * * /usr/local/bin/backup');
    expect(tsibleRun(host(), 'cron', 'name=backup state=absent').caption).toBe('SUCCESS');

    expect(tsibleRun(host(), 'cron', 'name=report user=tester special_time=hourly job="echo hi"').caption).toBe('CHANGED');
    expect(await crontab('tester')).toBe('#Ansible: report\n@hourly echo hi\n');
  }, 120_000);

  it('cron_file: a file in /etc/cron.d naming the user; removed with its last job', async () => {
    const args = 'name=rotate cron_file=tsible-rotate user=root special_time=daily job=/usr/sbin/logrotate';
    expect(tsibleRun(host(), 'cron', args).result).toMatchObject({ changed: true, cron_file: 'tsible-rotate', jobs: ['rotate'] });
    expect(await onHost(host(), 'stat -c %a /etc/cron.d/tsible-rotate; cat /etc/cron.d/tsible-rotate')).toBe('644\n#Ansible: rotate\n@daily root /usr/sbin/logrotate\n');
    expect(tsibleRun(host(), 'cron', args).caption).toBe('SUCCESS');
    expect(tsibleRun(host(), 'cron', 'name=rotate cron_file=tsible-rotate state=absent').caption).toBe('CHANGED');
    expect(await onHost(host(), 'test -e /etc/cron.d/tsible-rotate && echo there || echo gone')).toBe('gone\n');
  }, 120_000);

  it('a crontab that crontab refuses fails with its message and leaves the crontab alone', async () => {
    const before = await crontab();
    const bad = tsibleRun(host(), 'cron', 'name=bad minute=61 job=/bin/true');
    expect(bad.caption).toBe('FAILED!');
    expect(String(bad.result['msg'])).toMatch(/bad minute/);
    expect(await crontab()).toBe(before);
  }, 60_000);

  describe('bad arguments', () => {
    const cases: Array<[string, string]> = [
      ['name=x special_time=daily minute=5 job=/bin/true', 'You must specify time and date fields or special time.'],
      ['name=x cron_file=f job=/bin/true', 'To use cron_file=... parameter you must specify user=... as well'],
      ['name=x', "You must specify 'job' to install a new cron job or variable"],
      ['name=x job=/bin/true insertafter=PATH', 'Insertafter and insertbefore parameters are valid only with env=yes'],
      ['name=x cron_file=/etc/crontab user=root job=/bin/true', 'Will not manage /etc/crontab via cron_file, see documentation.'],
      ['name=x env=yes job=1 insertafter=NOPE', "Variable named 'NOPE' not found."],
    ];
    it.each(cases)('%s', (args, msg) => {
      const outcome = tsibleRun(host(), 'cron', args);
      expect(outcome.caption).toBe('FAILED!');
      expect(outcome.result['msg']).toBe(msg);
    }, 60_000);
  });
});
