/** pam_limits on a lab host: its own /etc/security/limits.conf. */
import { describeLab, useLabHosts } from '../lab/lab.js';
import { onHost, tsibleRun } from './run-module.js';

describeLab('pam_limits module on a lab host', () => {
  const hosts = useLabHosts(1);
  const host = (): string => hosts()[0]?.name ?? '';
  const conf = (): Promise<string> => onHost(host(), 'cat /etc/security/limits.conf');

  it('adds a limit; check mode changes nothing; then ok; use_max keeps a larger value', async () => {
    await onHost(host(), "mkdir -p /etc/security && printf '# limits\\n*\\thard\\tcore\\t0\\n' > /etc/security/limits.conf");
    const args = 'domain=@dev limit_type=soft limit_item=nofile value=4096';
    expect(tsibleRun(host(), 'pam_limits', args, ['--check']).caption).toBe('CHANGED');
    expect(await conf()).toBe('# limits\n*\thard\tcore\t0\n');
    expect(tsibleRun(host(), 'pam_limits', args).result).toMatchObject({ changed: true, msg: '@dev\tsoft\tnofile\t4096\n' });
    expect(await conf()).toBe('# limits\n*\thard\tcore\t0\n@dev\tsoft\tnofile\t4096\n');
    expect(tsibleRun(host(), 'pam_limits', args).caption).toBe('SUCCESS');
    expect(tsibleRun(host(), 'pam_limits', 'domain=@dev limit_type=soft limit_item=nofile value=1024 use_max=yes').caption).toBe('SUCCESS');
    expect(tsibleRun(host(), 'pam_limits', 'domain=@dev limit_type=soft limit_item=nofile value=1024').caption).toBe('CHANGED');
    expect(await conf()).toContain('@dev\tsoft\tnofile\t1024\n');
  }, 120_000);

  it('bad values fail in the module words and change nothing', async () => {
    const before = await conf();
    expect(tsibleRun(host(), 'pam_limits', 'domain=x limit_type=soft limit_item=nice value=40').result['msg']).toBe(
      " Value of '40' for item 'nice' is invalid. Value must be a number in the range -20 to 19 inclusive. Refer to the limits.conf(5) manual pages for more details.",
    );
    expect(tsibleRun(host(), 'pam_limits', 'domain=x limit_type=soft limit_item=nofile value=1 use_max=yes use_min=yes').result['msg']).toBe('Cannot use use_min and use_max at the same time.');
    expect(await conf()).toBe(before);
  }, 60_000);
});
