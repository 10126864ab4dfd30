import { parseModuleArgs } from './module-args.js';
import type { Module } from '../module-api/module.js';
import { isTsibleError } from '../errors/tsible-error.js';

const freeForm: Module = {
  name: 'command',
  spec: { options: {} },
  supportsCheckMode: true,
  freeForm: true,
  run: async () => ({}),
};
const keyValue: Module = { name: 'ping', spec: { options: {} }, supportsCheckMode: true, run: async () => ({}) };

describe('parseModuleArgs', () => {
  it('keeps unknown words of a free-form module in _raw_params', () => {
    expect(parseModuleArgs('echo a=b chdir=/tmp', freeForm)).toEqual({ _raw_params: 'echo a=b', chdir: '/tmp' });
  });

  it('takes a JSON object as the arguments, with cmd as the free-form text', () => {
    expect(parseModuleArgs('{"cmd": "uptime", "chdir": "/"}', freeForm)).toEqual({ _raw_params: 'uptime', chdir: '/' });
    expect(parseModuleArgs('{"data": [1, 2]}', keyValue)).toEqual({ data: [1, 2] });
  });

  it('falls back to key=value when braces are not JSON', () => {
    expect(parseModuleArgs('{x}', freeForm)).toEqual({ _raw_params: '{x}' });
  });

  it('rejects free-form words for key=value modules as a parser error', () => {
    let caught: unknown;
    try {
      parseModuleArgs('hello', keyValue);
    } catch (err) {
      caught = err;
    }
    expect(isTsibleError(caught)).toBe(true);
    expect(isTsibleError(caught) && caught.exitCode).toBe(4);
    expect(String(caught)).toContain("this task 'ping' has extra params, which is only allowed in the following modules:");
  });

  it('rejects cmd together with free-form words', () => {
    expect(() => parseModuleArgs('{"cmd": "a", "_raw_params": "b"}', freeForm)).toThrow("The 'cmd' argument cannot be used");
  });
});
