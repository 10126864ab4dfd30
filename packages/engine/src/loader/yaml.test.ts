import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TsibleError } from '../errors/tsible-error.js';
import { RecordingSink } from '../output/events.js';
import { loadYamlFile, locationOf, parseJsonOrYaml, parseYaml, UnsafeText, VaultText } from './yaml.js';

function failure(fn: () => unknown): TsibleError {
  try {
    fn();
  } catch (err) {
    if (err instanceof TsibleError) return err;
    throw err;
  }
  throw new Error('expected a TsibleError');
}

describe('parseYaml locations', () => {
  const text = ['- hosts: web', '  tasks:', '    - name: one', '      shell: echo', '    - debug: msg=x', ''].join('\n');
  const plays = parseYaml(text, 'site.yml') as Array<{ tasks: Array<Record<string, unknown>> }>;

  it('locates sequences, their items, mappings and their keys', () => {
    expect(locationOf(plays)).toEqual({ file: 'site.yml', line: 1, column: 1 });
    expect(locationOf(plays, 0)).toEqual({ file: 'site.yml', line: 1, column: 3 });
    const play = plays[0] as unknown as object;
    expect(locationOf(play)).toEqual({ file: 'site.yml', line: 1, column: 3 });
    expect(locationOf(play, 'tasks')).toEqual({ file: 'site.yml', line: 2, column: 3 });
    const tasks = plays[0]?.tasks ?? [];
    expect(locationOf(tasks, 1)).toEqual({ file: 'site.yml', line: 5, column: 7 });
    expect(locationOf(tasks[0] as object, 'shell')).toEqual({ file: 'site.yml', line: 4, column: 7 });
  });

  it('answers undefined for unknown keys and foreign objects', () => {
    expect(locationOf(plays[0] as unknown as object, 'nope')).toBeUndefined();
    expect(locationOf({})).toBeUndefined();
  });

  it('places an anchored mapping at its anchor, as Ansible reports it', () => {
    const doc = parseYaml('x:\n  y: &a\n    k: 1\n', 'a.yml') as { x: { y: object } };
    expect(locationOf(doc.x.y)).toEqual({ file: 'a.yml', line: 2, column: 6 });
  });

  it('counts CRLF line breaks', () => {
    const doc = parseYaml('a: 1\r\nb:\r\n  c: 2\r\n', 'w.yml') as { b: object };
    expect(locationOf(doc.b, 'c')).toEqual({ file: 'w.yml', line: 3, column: 3 });
  });
});

describe('parseYaml duplicate keys', () => {
  it('warns with the mapping position, the key and both lines; the last value wins', () => {
    const sink = new RecordingSink();
    const doc = parseYaml('a: 1\nb: 2\na: 3\n', 'dup.yml', { sink }) as Record<string, unknown>;
    expect(doc).toEqual({ a: 3, b: 2 });
    expect(Object.keys(doc)).toEqual(['a', 'b']);
    expect(sink.messages('warning')).toEqual([
      'While constructing a mapping from dup.yml, line 1, column 1, found a duplicate dict key (a). Using last defined value only. (first defined on line 1, again on line 3)',
    ]);
    expect(locationOf(doc, 'a')?.line).toBe(3);
  });

  it('warns when an explicit key overrides a merged one, as Ansible 2.14 does', () => {
    const sink = new RecordingSink();
    const doc = parseYaml('base: &b {a: 1, b: 2}\nm:\n  <<: *b\n  a: 3\n', 'm.yml', { sink }) as { m: unknown };
    expect(doc.m).toEqual({ a: 3, b: 2 });
    expect(sink.messages('warning')[0]).toMatch(/^While constructing a mapping from m\.yml, line 3, column 3, found a duplicate dict key \(a\)/);
  });
});

describe('parseYaml duplicate key policy (DUPLICATE_YAML_DICT_KEY)', () => {
  it('fails at the repeated key with "error"', () => {
    let thrown: unknown;
    try {
      parseYaml('a: 1\nb: 2\na: 3\n', 'dup.yml', { duplicateKeys: 'error' });
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(TsibleError);
    expect((thrown as TsibleError).location).toEqual({ file: 'dup.yml', line: 3, column: 1 });
    expect((thrown as TsibleError).message).toMatch(/found a duplicate dict key \(a\)/);
  });

  it('only reports at debug level with "ignore"', () => {
    const sink = new RecordingSink();
    expect(parseYaml('a: 1\na: 2\n', 'dup.yml', { sink, duplicateKeys: 'ignore' })).toEqual({ a: 2 });
    expect(sink.messages('warning')).toEqual([]);
    expect(sink.messages('debug')).toHaveLength(1);
  });
});

describe('parseYaml values', () => {
  it('never lets a __proto__ key reach a prototype', () => {
    const doc = parseYaml('__proto__:\n  polluted: yes\n', 'p.yml') as Record<string, unknown>;
    expect(Object.prototype.hasOwnProperty.call(doc, '__proto__')).toBe(true);
    expect(doc['__proto__']).toEqual({ polluted: true });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getPrototypeOf(doc)).toBe(Object.prototype);
  });

  it('keeps !vault ciphertext verbatim with its location', () => {
    const text = 'secret: !vault |\n  $ANSIBLE_VAULT;1.1;AES256\n  3132\n';
    const doc = parseYaml(text, 'v.yml') as { secret: VaultText };
    expect(doc.secret).toBeInstanceOf(VaultText);
    expect(doc.secret.ciphertext).toBe('$ANSIBLE_VAULT;1.1;AES256\n3132\n');
    expect(doc.secret.location).toEqual({ file: 'v.yml', line: 1, column: 16 });
  });

  it('keeps !unsafe text unresolved and wraps strings inside unsafe collections', () => {
    const doc = parseYaml('a: !unsafe "{{ x }}"\nb: !unsafe 12\nc: !unsafe {k: "{{ y }}", n: 1}\n', 'u.yml') as Record<string, unknown>;
    expect(doc['a']).toEqual(new UnsafeText('{{ x }}'));
    expect(doc['b']).toEqual(new UnsafeText('12'));
    expect(doc['c']).toEqual({ k: new UnsafeText('{{ y }}'), n: 1 });
  });

  it('shares one object between an anchor and its aliases', () => {
    const doc = parseYaml('a: &x {k: 1}\nb: *x\n', 'x.yml') as { a: object; b: object };
    expect(doc.b).toBe(doc.a);
  });

  it('returns null for an empty document', () => {
    expect(parseYaml('', 'e.yml')).toBeNull();
    expect(parseYaml('# nothing\n', 'e.yml')).toBeNull();
  });
});

describe('parseYaml errors', () => {
  it('reports a syntax error with file:line:col, exit code 4 and the offending line', () => {
    const err = failure(() => parseYaml('a: 1\nb: [1, 2\nc: 3\n', 'bad.yml'));
    expect(err.code).toBe('TSIBLE_YAML_SYNTAX');
    expect(err.exitCode).toBe(4);
    expect(err.location?.file).toBe('bad.yml');
    expect(err.message).toMatch(/^Syntax Error while loading YAML: /);
    expect(err.hint).toMatch(/^The offending line appears to be:\n\n/);
    expect(err.hint).toMatch(/\n *\^ here$/);
  });

  it('points at the bad mapping value', () => {
    const err = failure(() => parseYaml('ok: 1\nkey: value: other\n', 'c.yml'));
    expect(err.location).toEqual({ file: 'c.yml', line: 2, column: 6 });
    expect(err.message).toBe('Syntax Error while loading YAML: nested mappings are not allowed in compact mappings');
    expect(err.hint).toBe('The offending line appears to be:\n\nkey: value: other\n     ^ here');
  });

  it('rejects unknown local tags with their location', () => {
    const err = failure(() => parseYaml('a: 1\nb: !foo bar\n', 't.yml'));
    expect(err.code).toBe('TSIBLE_YAML_VALUE');
    expect(err.message).toBe("could not determine a constructor for the tag '!foo'");
    expect(err.location).toEqual({ file: 't.yml', line: 2, column: 9 });
  });

  it('rejects a second document', () => {
    const err = failure(() => parseYaml('a: 1\n---\nb: 2\n', 'm.yml'));
    expect(err.message).toBe('expected a single document in the stream, but found another document');
    expect(err.location?.line).toBe(2);
  });

  it('rejects recursive aliases instead of building a cycle', () => {
    const err = failure(() => parseYaml('a: &x\n  b: *x\n', 'r.yml'));
    expect(err.location).toEqual({ file: 'r.yml', line: 2, column: 6 });
  });

  it('rejects invalid dates like PyYAML', () => {
    expect(failure(() => parseYaml('d: 2001-13-01\n', 'd.yml')).message).toBe('month must be in 1..12');
  });
});

describe('parseJsonOrYaml', () => {
  it('reads JSON with Python semantics and locations', () => {
    const text = '{\n  "a": [1, 2.5e3, NaN],\n  "b": {"c": null}\n}';
    const doc = parseJsonOrYaml(text, 'inv.json') as { a: unknown[]; b: object };
    expect(doc.a[1]).toBe(2500);
    expect(Number.isNaN(doc.a[2])).toBe(true);
    expect(locationOf(doc, 'b')).toEqual({ file: 'inv.json', line: 3, column: 3 });
    expect(locationOf(doc.a, 2)).toEqual({ file: 'inv.json', line: 2, column: 19 });
  });

  it('gives positions for strict JSON too (worked out when first asked)', () => {
    const doc = parseJsonOrYaml('{\n  "a": [1, 2],\n  "b": {"c": null}\n}\n', 'dyn.json') as { a: unknown[]; b: object };
    expect(locationOf(doc.b, 'c')).toEqual({ file: 'dyn.json', line: 3, column: 9 });
    expect(locationOf(doc.a, 1)).toEqual({ file: 'dyn.json', line: 2, column: 12 });
    expect(locationOf(doc)).toEqual({ file: 'dyn.json', line: 1, column: 1 });
  });

  it('takes JSON first, as Ansible does (1e3 is a number in JSON, a string in YAML)', () => {
    expect(parseJsonOrYaml('{"x": 1e3}', 'j.yml')).toEqual({ x: 1000 });
    expect(parseJsonOrYaml('x: 1e3', 'j.yml')).toEqual({ x: '1e3' });
  });

  it("understands Ansible's JSON markers for vault and unsafe values", () => {
    const doc = parseJsonOrYaml('{"s": {"__ansible_vault": "$ANSIBLE_VAULT;1.1;AES256\\n31"}, "u": {"__ansible_unsafe": "{{ x }}"}}', 'j.json') as Record<string, unknown>;
    expect(doc['s']).toBeInstanceOf(VaultText);
    expect(doc['u']).toEqual(new UnsafeText('{{ x }}'));
  });

  it('falls back to YAML and reports YAML errors', () => {
    expect(parseJsonOrYaml('{"a": 1, b: 2}', 'f.yml')).toEqual({ a: 1, b: 2 });
    expect(failure(() => parseJsonOrYaml('{"a": [}', 'f.json')).code).toBe('TSIBLE_YAML_SYNTAX');
  });

  it('keeps __proto__ as an own property', () => {
    const doc = parseJsonOrYaml('{"__proto__": {"x": 1}}', 'p.json') as Record<string, unknown>;
    expect(Object.getPrototypeOf(doc)).toBe(Object.prototype);
    expect(Object.keys(doc)).toEqual(['__proto__']);
  });
});

describe('whole-file vault encryption', () => {
  const encrypted = '$ANSIBLE_VAULT;1.1;AES256\n6162\n';

  it('is an error naming the file when no secret is available', () => {
    const err = failure(() => parseJsonOrYaml(encrypted, 'secrets.yml'));
    expect(err.code).toBe('TSIBLE_VAULT_NO_SECRET');
    expect(err.location).toEqual({ file: 'secrets.yml', line: 1, column: 1 });
  });

  it('parses what the decrypt hook returns, keeping the file name', () => {
    const seen: string[] = [];
    const doc = parseJsonOrYaml(encrypted, 'secrets.yml', {
      decryptVault: (vault) => {
        seen.push(vault.ciphertext);
        return 'password: hunter2\n';
      },
    }) as object;
    expect(seen).toEqual([encrypted]);
    expect(doc).toEqual({ password: 'hunter2' });
    expect(locationOf(doc, 'password')?.file).toBe('secrets.yml');
  });
});

describe('loadYamlFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tsible-yaml-'));

  it('loads a file and names it in locations', async () => {
    const path = join(dir, 'vars.yml');
    writeFileSync(path, 'port: 0644\n');
    const doc = (await loadYamlFile(path)) as object;
    expect(doc).toEqual({ port: 420 });
    expect(locationOf(doc, 'port')?.file).toBe(path);
  });

  it('fails cleanly on a missing file', async () => {
    await expect(loadYamlFile(join(dir, 'missing.yml'))).rejects.toMatchObject({ code: 'TSIBLE_FILE_READ' });
  });
});

describe('block scalars at the end of a file without a final line break (as PyYAML reads them)', () => {
  it.each([
    ['a: |\n  text', { a: 'text' }],
    ['a: |+\n  text', { a: 'text' }],
    ['a: |-\n  text', { a: 'text' }],
    ['a: >\n  text\n  more', { a: 'text more' }],
    ['- |\n  x\n  y', ['x\ny']],
    ['a: |\n  text\nb: 1', { a: 'text\n', b: 1 }],
    ['a: |\n  text\n', { a: 'text\n' }],
    ['a: |\n  text\n\n  ', { a: 'text\n' }],
    ['a: |+\n  text\n\n  ', { a: 'text\n\n' }],
    ['a: >+\n  text\n\n  x', { a: 'text\nx' }],
  ])('%j', (text, expected) => {
    expect(parseYaml(text, 'end.yml')).toEqual(expected);
  });
});
