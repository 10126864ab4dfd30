import { TsibleError } from '../errors/tsible-error.js';
import { checkPlatform } from './preflight.js';

describe('lab preflight', () => {
  it('needs Linux', () => {
    expect(() => checkPlatform('darwin', 0)).toThrow(new TsibleError('tsible lab needs Linux (this is darwin)', { code: 'x' }));
  });
  it('needs root', () => {
    expect(() => checkPlatform('linux', 1000)).toThrow('tsible lab needs root (it creates network namespaces, bridges and mounts)');
  });
  it('passes as root on Linux', () => {
    expect(() => checkPlatform('linux', 0)).not.toThrow();
  });
});
