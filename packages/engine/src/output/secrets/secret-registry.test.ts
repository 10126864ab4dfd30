import { PassThrough } from 'node:stream';
import { SecretRegistry, SECRET_MASK } from './secret-registry.js';
import { maskingStream } from './masking-stream.js';

describe('SecretRegistry', () => {
  it('masks every occurrence, the longest secret first', () => {
    const secrets = new SecretRegistry();
    secrets.add('hunter22');
    secrets.add('hunter22-extended');
    expect(secrets.mask('a hunter22-extended b hunter22 c')).toBe(`a ${SECRET_MASK} b ${SECRET_MASK} c`);
  });

  it('masks the JSON-escaped form of a secret with quotes or backslashes', () => {
    const secrets = new SecretRegistry();
    secrets.add('pa"ss\\word');
    expect(secrets.mask(JSON.stringify({ msg: 'x pa"ss\\word y' }))).toBe(`{"msg":"x ${SECRET_MASK} y"}`);
  });

  it('ignores values too short to be told apart from ordinary output, and non-strings', () => {
    const secrets = new SecretRegistry();
    secrets.add('ok');
    secrets.add(12345);
    secrets.add(undefined);
    expect(secrets.size).toBe(0);
    expect(secrets.mask('ok=1 12345')).toBe('ok=1 12345');
  });

  it('takes every string leaf of a parsed vaulted file', () => {
    const secrets = new SecretRegistry();
    secrets.addLeaves({ db: { password: 'dbpass-1' }, keys: ['key-one', 7] });
    expect(secrets.mask('dbpass-1 key-one 7')).toBe(`${SECRET_MASK} ${SECRET_MASK} 7`);
  });

  it("leaves Ansible's connection settings out, but not their passwords", () => {
    const secrets = new SecretRegistry();
    secrets.addLeaves({ ansible_connection: 'local', ansible_user: 'deploy', ansible_become_password: 'become-pw', ansible_ssh_private_key_passphrase: 'phrase-1' });
    expect(secrets.mask('localhost deploy become-pw phrase-1')).toBe(`localhost deploy ${SECRET_MASK} ${SECRET_MASK}`);
  });
});

describe('maskingStream', () => {
  it('masks strings and buffers written through it, in order', () => {
    const secrets = new SecretRegistry();
    const sink = new PassThrough();
    const out = maskingStream(sink, secrets);
    secrets.add('token-abc');
    out.write('first token-abc\n');
    out.write(Buffer.from('second token-abc\n'));
    expect(String(sink.read())).toBe(`first ${SECRET_MASK}\nsecond ${SECRET_MASK}\n`);
  });
});
