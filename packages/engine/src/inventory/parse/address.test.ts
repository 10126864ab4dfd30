import { AddressError, isIpAddress, parseAddress } from './address.js';
import { expandHostPattern } from './host-pattern.js';

describe('host identifiers with ports', () => {
  it.each([
    ['web1', 'web1', undefined],
    ['web1:2222', 'web1', 2222],
    ['10.0.0.1:22', '10.0.0.1', 22],
    ['[2001:db8::1]:2200', '2001:db8::1', 2200],
    ['2001:db8::1', '2001:db8::1', undefined],
    ['fe80::1', 'fe80::1', undefined],
    ['web[01:03].example.com:8022', 'web[01:03].example.com', 8022],
    ['[web1]:22', 'web1', 22],
  ])('%s', (text, host, port) => {
    expect(parseAddress(text, true)).toEqual({ host, port });
  });

  it('rejects what is not a host name', () => {
    expect(() => parseAddress('bad name', true)).toThrow(AddressError);
    expect(() => parseAddress('web[1:2]', false)).toThrow('Detected range in host but was asked to ignore ranges');
  });

  it('keeps unparsable names as they are (Ansible does)', () => {
    expect(expandHostPattern('odd_name!')).toEqual({ names: ['odd_name!'], port: undefined });
  });

  it('knows IP addresses (for inventory_hostname_short)', () => {
    expect(isIpAddress('10.1.2.3')).toBe(true);
    expect(isIpAddress('::1')).toBe(true);
    expect(isIpAddress('web.example.com')).toBe(false);
  });
});
