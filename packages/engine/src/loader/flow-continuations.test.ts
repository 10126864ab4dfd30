import { reindentFlowContinuations } from './flow-continuations.js';
import { locationOf, parseYaml } from './yaml.js';

describe('under-indented continuation lines (accepted by libyaml)', () => {
  it('indents continuation lines of quoted scalars and flow collections past their parent', () => {
    expect(reindentFlowContinuations('a:\n  msg: "first\nsecond"\n')).toBe('a:\n  msg: "first\n   second"\n');
    expect(reindentFlowContinuations('- k: [x,\ny]\n')).toBe('- k: [x,\n   y]\n');
    expect(reindentFlowContinuations('a:\n  b: "ok\n    fine"\n')).toBeUndefined();
  });

  it('leaves block scalars, comments and document markers alone', () => {
    expect(reindentFlowContinuations('a: |\n  "not\nb: 1\n')).toBeUndefined();
    expect(reindentFlowContinuations('a: 1 # "not a quote\nb: 2\n')).toBeUndefined();
    expect(reindentFlowContinuations('a:\n  b: "x\n---\ny"\n')).toBe('a:\n  b: "x\n---\n   y"\n');
  });

  it('loads such documents with the values and line numbers libyaml gives', () => {
    const doc = parseYaml('tasks:\n  - debug:\n      msg: "one\n two"\n    when: x != y\n', 'p.yml') as { tasks: Array<Record<string, unknown>> };
    expect(doc.tasks[0]).toEqual({ debug: { msg: 'one two' }, when: 'x != y' });
    expect(locationOf(doc.tasks[0] as object, 'when')).toEqual({ file: 'p.yml', line: 5, column: 5 });
  });

  it('still rejects a document marker inside a quoted scalar', () => {
    expect(() => parseYaml('a:\n  b: "x\n---\ny"\n', 'm.yml')).toThrow(/Syntax Error/);
  });
});
