import { unifiedDiffs } from './diff-text.js';

// Expected texts are Python difflib.unified_diff(n=3) output, as ansible-playbook --diff prints it.
describe('unifiedDiffs', () => {
  it('groups changes with three lines of context', () => {
    const before = 'one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\nnine\nten\n';
    const after = 'one\ntwo\nTHREE\nfour\nfive\nsix\nseven\neight\nnine\nten\neleven';
    expect(unifiedDiffs({ before, after, before_header: 'f', after_header: 'g' })).toBe(
      '--- before: f\n+++ after: g\n@@ -1,6 +1,6 @@\n one\n two\n-three\n+THREE\n four\n five\n six\n@@ -8,3 +8,4 @@\n eight\n nine\n ten\n+eleven\n',
    );
  });

  it('a new file diffs against nothing', () => {
    expect(unifiedDiffs([{ before: '', after: 'one\n', after_header: 'x' }])).toBe('--- before\n+++ after: x\n@@ -0,0 +1 @@\n+one\n');
  });

  it('a list of diffs is separated by an empty line, as Ansible prints each followed by one', () => {
    const content = { before: '', after: 'x\n', before_header: 'f (content)', after_header: 'f (content)' };
    const attributes = { before: { attributes: '' }, after: { attributes: '+A' }, before_header: 'f (file attributes)', after_header: 'f (file attributes)' };
    const empty = { before_header: 'f (file attributes)', after_header: 'f (file attributes)' };
    expect(unifiedDiffs([content, attributes])).toBe(
      '--- before: f (content)\n+++ after: f (content)\n@@ -0,0 +1 @@\n+x\n\n--- before: f (file attributes)\n+++ after: f (file attributes)\n@@ -1,3 +1,3 @@\n {\n-    "attributes": ""\n+    "attributes": "+A"\n }\n',
    );
    expect(unifiedDiffs([content, empty])).toBe('--- before: f (content)\n+++ after: f (content)\n@@ -0,0 +1 @@\n+x\n');
  });

  it('no change, no text; prepared diffs pass through', () => {
    expect(unifiedDiffs({ before: 'a\n', after: 'a\n' })).toBe('');
    expect(unifiedDiffs({ prepared: 'as the module wrote it' })).toBe('as the module wrote it\n');
  });
});
