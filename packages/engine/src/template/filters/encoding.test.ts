import { RecordingSink } from '../../output/events.js';
import { Templar } from '../templar.js';
import { shaCrypt } from './sha-crypt.js';

const t = new Templar({ vars: {}, sink: new RecordingSink() });
const r = (s: string): unknown => t.renderString(s);

describe('encoding and hashing filters', () => {
  it('base64 round trip with UTF-8', () => {
    expect(r("{{ 'héllo' | b64encode }} {{ 'aMOpbGxv' | b64decode }}")).toBe('aMOpbGxv héllo');
  });

  it('hash, checksum, md5, sha1', () => {
    expect(r("{{ 'abc' | hash('sha256') }}")).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(r("{{ 'abc' | md5 }} {{ 'abc' | sha1 == ('abc' | checksum) }}")).toBe('900150983cd24fb0d6963f7d28e17f72 True');
  });

  // Vectors checked against glibc crypt(3); rounds=5000 is implicit as in passlib.
  it('SHA-crypt matches the reference vectors', () => {
    expect(shaCrypt('sha512', 'Hello world!', 'saltstring', 5000)).toBe(
      '$6$saltstring$svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl/O817G3uBnIFNjnQJuesI68u4OTLiBFdcbYEdFCoEOfaS35inz1',
    );
    expect(shaCrypt('sha512', 'Hello world!', 'saltstringsaltstring', 10000)).toBe(
      '$6$rounds=10000$saltstringsaltst$OW1/O6BYHV6BcXZu8QVeXbDWra3Oeqh0sbHbbMCVNSnCM/UrjmM0Dp8vOuZeHBy/YTBmSK6H9qs/y3RnOaw5v.',
    );
    expect(shaCrypt('sha256', 'Hello world!', 'saltstring', 5000)).toBe('$5$saltstring$5B8vYYiY.CVt1RlTTf8KbXBH3hsxY/GNooZaBBGWEc5');
  });

  it('password_hash uses passlib defaults and refuses what it cannot do', () => {
    expect(r("{{ 'secret' | password_hash('sha512', 'mysalt') }}")).toMatch(/^\$6\$rounds=656000\$mysalt\$/);
    expect(r("{{ 'secret' | password_hash('sha512') }}")).toMatch(/^\$6\$rounds=656000\$[./0-9A-Za-z]{16}\$[./0-9A-Za-z]{86}$/);
    expect(() => r("{{ 'x' | password_hash('blowfish') }}")).toThrow('the blowfish hash type is not supported by tsible');
  });
});
