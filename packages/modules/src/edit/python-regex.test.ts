import { compilePythonRegex, expandTemplate, PythonRegexError, translatePythonRegex } from './python-regex.js';

const search = (pattern: string, text: string, options: { multiline?: boolean; dotAll?: boolean } = {}): string | null => compilePythonRegex(pattern, options).exec(text)?.[0] ?? null;

describe('Python regexes in JavaScript', () => {
  it('takes named groups and named backreferences', () => {
    const m = compilePythonRegex('(?P<word>a+)-(?P=word)').exec('aa-aa');
    expect(m?.groups?.['word']).toBe('aa');
  });

  it("gives $ Python's meaning: the end, or before a final newline", () => {
    expect(search('^Port 22$', 'Port 22\n')).toBe('Port 22');
    expect(search('x$', 'x\ny\n')).toBeNull();
    expect(search('x$', 'x\ny\n', { multiline: true })).toBe('x');
  });

  it('knows only \\n as a line break for ^, $ and .', () => {
    expect(search('a.b', 'a\rb')).toBe('a\rb');
    expect(search('^b', 'a\rb', { multiline: true })).toBeNull();
    expect(search('a.b', 'a\nb')).toBeNull();
    expect(search('a.b', 'a\nb', { dotAll: true })).toBe('a\nb');
  });

  it('translates \\Z and \\A', () => {
    expect(search('end\\Z', 'end\n')).toBeNull();
    expect(search('end\\Z', 'end')).toBe('end');
    expect(search('\\Ab', 'ab')).toBeNull();
  });

  it('reads leading inline flags', () => {
    expect(translatePythonRegex('(?m)^b$').multiline).toBe(true);
    expect(search('(?i)port', 'PORT')).toBe('PORT');
    expect(search('(?s)a.b', 'a\nb')).toBe('a\nb');
  });

  it('keeps a ] right after [ literal, as Python does', () => {
    expect(search('[]a]+', 'a]a')).toBe('a]a');
    expect(search('[^]]+', 'ab]')).toBe('ab');
  });

  it('reports a bad pattern as its own error', () => {
    expect(() => compilePythonRegex('(unclosed')).toThrow(PythonRegexError);
  });
});

describe("Python's match.expand", () => {
  const match = compilePythonRegex('(?P<k>\\w+)=(\\w+)(x)?').exec('key=value')!;

  it('expands numbered and named groups; an unmatched group is empty', () => {
    expect(expandTemplate('\\2:\\1', match)).toBe('value:key');
    expect(expandTemplate('\\g<k>/\\g<2>/\\g<3>', match)).toBe('key/value/');
  });

  it('turns \\n and \\t into characters and keeps other escapes', () => {
    expect(expandTemplate('a\\nb\\tc\\\\d', match)).toBe('a\nb\tc\\d');
  });

  it('rejects a reference to a group that does not exist', () => {
    expect(() => expandTemplate('\\7', match)).toThrow('invalid group reference 7');
    expect(() => expandTemplate('\\g<nope>', match)).toThrow("unknown group name 'nope'");
  });
});
