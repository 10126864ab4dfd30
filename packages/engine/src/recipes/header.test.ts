import { parseRecipeHeader } from './header.js';
import { TsibleError } from '../errors/tsible-error.js';

describe('parseRecipeHeader', () => {
  it('reads description, inputs with required/default, examples and free text', () => {
    const text = [
      '---',
      '# description: Block an address with iptables',
      '# input: blocked_ip - address or CIDR to drop (required)',
      '# input: state - present blocks, absent unblocks (default: present)',
      '# example: tsible playbook x.yml -e blocked_ip=203.0.113.7',
      '# Free text stays in the header.',
      '- hosts: all',
      '# description: not part of the header',
    ].join('\n');
    const header = parseRecipeHeader(text, 'x.yml');
    expect(header.description).toBe('Block an address with iptables');
    expect(header.inputs).toEqual([
      { name: 'blocked_ip', meaning: 'address or CIDR to drop (required)', required: true },
      { name: 'state', meaning: 'present blocks, absent unblocks (default: present)', required: false },
    ]);
    expect(header.examples).toEqual(['tsible playbook x.yml -e blocked_ip=203.0.113.7']);
    expect(header.lines).toHaveLength(5);
    expect(header.lines[4]).toBe('Free text stays in the header.');
  });

  it('a playbook without a header has no description and no inputs', () => {
    expect(parseRecipeHeader('- hosts: all\n  tasks: []\n', 'p.yml')).toEqual({ description: undefined, inputs: [], examples: [], lines: [] });
  });

  it('a malformed input line is an error at its file:line:col', () => {
    let caught: unknown;
    try {
      parseRecipeHeader('# description: d\n# input: no dash here\n', 'r.yml');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(TsibleError);
    expect((caught as TsibleError).describe()).toBe('r.yml:2:3: recipe input must read "name - meaning (required)", got "no dash here"');
  });
});
