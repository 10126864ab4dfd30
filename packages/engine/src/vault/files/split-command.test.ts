import { splitCommand } from './split-command.js';

describe('splitCommand', () => {
  it.each([
    ['vi', ['vi']],
    ['  code --wait ', ['code', '--wait']],
    [`emacs -nw "my file" 'a b' c\\ d`, ['emacs', '-nw', 'my file', 'a b', 'c d']],
    [`sh -c "echo \\"hi\\""`, ['sh', '-c', 'echo "hi"']],
    [`''`, ['']],
  ])('%s', (input, expected) => {
    expect(splitCommand(input)).toEqual(expected);
  });
  it('rejects an unterminated quote', () => {
    expect(splitCommand(`vim "x`)).toBeUndefined();
  });
});
