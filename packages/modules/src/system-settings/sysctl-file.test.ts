import { fileValue, fixedContent, normaliseValue, sameValue } from './sysctl-file.js';

describe('sysctl.conf as Ansible reads and rewrites it', () => {
  const conf = '# comment\n ; other\nvm.swappiness = 10\nnet.ipv4.ip_forward=0\nvm.swappiness=20\nnot a setting\n';

  it('the last assignment wins', () => {
    expect(fileValue(conf, 'vm.swappiness')).toBe('20');
    expect(fileValue(conf, 'net.ipv4.ip_forward')).toBe('0');
    expect(fileValue(conf, 'kernel.nope')).toBeNull();
  });

  it('rewrites lines stripped, each key once, the key set in its first place', () => {
    expect(fixedContent(conf, 'net.ipv4.ip_forward', '1')).toBe('# comment\n; other\nvm.swappiness=10\nnet.ipv4.ip_forward=1\nnot a setting\n');
    expect(fixedContent(conf, 'kernel.x', '1')).toBe('# comment\n; other\nvm.swappiness=10\nnet.ipv4.ip_forward=0\nnot a setting\nkernel.x=1\n');
    expect(fixedContent(conf, 'net.ipv4.ip_forward', null)).toBe('# comment\n; other\nvm.swappiness=10\nnot a setting\n');
    expect(fixedContent('', 'a.b', '1')).toBe('a.b=1\n');
  });

  it('values: booleans to 1/0, compared word by word', () => {
    expect(normaliseValue('yes')).toBe('1');
    expect(normaliseValue('False')).toBe('0');
    expect(normaliseValue(' 4096 87380 ')).toBe('4096 87380');
    expect(sameValue('4096\t87380\n', '4096 87380')).toBe(true);
    expect(sameValue(null, '1')).toBe(false);
  });
});
