import { blockinfileEdit } from './blockinfile-edit.js';

const request = { block: 'x', marker: '# {mark} M', markerBegin: 'BEGIN', markerEnd: 'END', present: true, insertafter: null, insertbefore: null };

describe('blockinfile prepend_newline / append_newline (ansible-core 2.16)', () => {
  it('puts blank lines around a block in the middle of a file, once', () => {
    const first = blockinfileEdit('a\nb\n', { ...request, insertafter: '^a', prependNewline: true, appendNewline: true });
    expect(first.result).toBe('a\n\n# BEGIN M\nx\n# END M\n\nb\n');
    const again = blockinfileEdit(first.result, { ...request, insertafter: '^a', prependNewline: true, appendNewline: true });
    expect(again).toMatchObject({ changed: false });
  });

  it('adds none at the start or end of the file', () => {
    expect(blockinfileEdit('a\n', { ...request, insertbefore: 'BOF', prependNewline: true }).result).toBe('# BEGIN M\nx\n# END M\na\n');
    expect(blockinfileEdit('a\n', { ...request, appendNewline: true }).result).toBe('a\n# BEGIN M\nx\n# END M\n');
  });
});
