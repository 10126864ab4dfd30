import { formatEnvelope, isVaultEnvelope, parseEnvelope } from './envelope.js';
import { TsibleError } from '../../errors/tsible-error.js';

describe('isVaultEnvelope', () => {
  it('accepts ASCII data starting with the header, as Ansible does', () => {
    expect(isVaultEnvelope('$ANSIBLE_VAULT;1.1;AES256\n6162\n')).toBe(true);
    expect(isVaultEnvelope(Buffer.from('$ANSIBLE_VAULT;1.2;AES256;dev\n'))).toBe(true);
  });
  it('rejects other data, data with leading space, and non-ASCII data', () => {
    expect(isVaultEnvelope('db_password: x\n')).toBe(false);
    expect(isVaultEnvelope(' $ANSIBLE_VAULT;1.1;AES256\n')).toBe(false);
    expect(isVaultEnvelope('$ANSIBLE_VAULT;1.1;AES256\nGrüße\n')).toBe(false);
    expect(isVaultEnvelope('$ANSIBLE')).toBe(false);
  });
});

describe('parseEnvelope', () => {
  it('reads 1.1 as the default vault id and joins the body lines', () => {
    const env = parseEnvelope('$ANSIBLE_VAULT;1.1;AES256\r\n6162\n6364\n');
    expect(env).toEqual({ version: '1.1', cipher: 'AES256', vaultId: 'default', vaultIdInHeader: false, body: '61626364' });
  });
  it('reads the vault id of a 1.2 header', () => {
    expect(parseEnvelope('$ANSIBLE_VAULT;1.2;AES256;prod\n00\n').vaultId).toBe('prod');
  });
  it.each([
    ['$ANSIBLE_VAULT;1.3;AES256\n00\n', 'unsupported vault format version "1.3"'],
    ['$ANSIBLE_VAULT;1.1;AES\n00\n', 'AES cipher could not be found'],
    ['$ANSIBLE_VAULT;1.1\n00\n', 'malformed header'],
    ['$ANSIBLE_VAULTX;1.1;AES256\n00\n', 'malformed header'],
    ['plain text', 'input is not vault encrypted data: group_vars/all.yml is not a vault encrypted file'],
  ])('rejects %j', (text, message) => {
    expect(() => parseEnvelope(text, { file: 'group_vars/all.yml' })).toThrow(TsibleError);
    expect(() => parseEnvelope(text, { file: 'group_vars/all.yml' })).toThrow(message);
  });
});

describe('formatEnvelope', () => {
  it('wraps the body at 80 columns and ends with a newline', () => {
    const text = formatEnvelope('a'.repeat(170));
    expect(text).toBe(`$ANSIBLE_VAULT;1.1;AES256\n${'a'.repeat(80)}\n${'a'.repeat(80)}\n${'a'.repeat(10)}\n`);
  });
  it('writes 1.2 only for a named id other than default', () => {
    expect(formatEnvelope('00', 'default').split('\n')[0]).toBe('$ANSIBLE_VAULT;1.1;AES256');
    expect(formatEnvelope('00', 'dev').split('\n')[0]).toBe('$ANSIBLE_VAULT;1.2;AES256;dev');
  });
});
