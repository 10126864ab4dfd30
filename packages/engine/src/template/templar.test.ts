import { RecordingSink } from '../output/events.js';
import { TsibleError } from '../errors/tsible-error.js';
import { Templar, varsFromObject } from './templar.js';
import { PyFloat } from './python/float.js';
import { markUnsafe } from './unsafe.js';
import { isOmit } from './omit.js';
import { VaultText } from '../loader/tagged-values.js';

function templar(vars: Record<string, unknown> = {}): Templar {
  return new Templar({ vars, sink: new RecordingSink() });
}

describe('Templar.renderString', () => {
  const t = templar({
    name: 'web',
    ports: [80, 443],
    cfg: { a: 1, b: [1, 2] },
    empty: [],
    nothing: null,
    flag: true,
    lazy: '{{ name }}-{{ ports[0] }}',
    chain: '{{ lazy }}!',
  });

  it('returns non-template strings untouched', () => {
    expect(t.renderString('plain text')).toBe('plain text');
  });

  it('keeps numbers as strings but turns lists, dicts and booleans back into values (jinja2_native off)', () => {
    expect(t.renderString('{{ 1 + 1 }}')).toBe('2');
    expect(t.renderString('{{ ports }}')).toEqual([80, 443]);
    expect(t.renderString('{{ cfg }}')).toEqual({ a: 1, b: [1, 2] });
    expect(t.renderString('{{ flag }}')).toBe(true);
    expect(t.renderString("{{ 'True' }}")).toBe(true);
    expect(t.renderString("{{ '5' }}")).toBe('5');
    expect(t.renderString('{{ nothing }}')).toBe('');
  });

  it('prints values inside text as Python str() would', () => {
    expect(t.renderString('x={{ ports }}')).toBe('x=[80, 443]');
    expect(t.renderString('{{ [1, none, "a"] }} z')).toBe("[1, None, 'a'] z");
    expect(t.renderString('{{ 1.0 }} {{ 10 / 4 }} {{ 4 / 2 }} {{ 1e16 }}')).toBe('1.0 2.5 2.0 1e+16');
  });

  it('templates variables lazily and recursively', () => {
    expect(t.renderString('{{ chain }}')).toBe('web-80!');
  });

  it('detects recursive variables', () => {
    const r = templar({ a: '{{ b }}', b: '{{ a }}' });
    expect(() => r.renderString('{{ a }}')).toThrow(/recursive loop detected/);
  });

  it('names the undefined variable and the caller location', () => {
    const loc = { file: 'site.yml', line: 4, column: 7 };
    let error: unknown;
    try {
      t.renderString('{{ foo }}', { location: loc });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(TsibleError);
    const e = error as TsibleError;
    expect(e.message).toBe("The task includes an option with an undefined variable. The error was: 'foo' is undefined");
    expect(e.location).toEqual(loc);
    expect(e.code).toBe('TSIBLE_TEMPLATE_UNDEFINED');
  });

  it('reports attribute access on a dict', () => {
    expect(() => t.renderString('{{ cfg.zzz }}')).toThrow("'dict object' has no attribute 'zzz'");
    expect(t.renderString('{{ cfg.zzz.yyy | default("d") }}')).toBe('d');
  });

  it('supports Jinja syntax Ansible users write', () => {
    expect(t.renderString('{{ "yes" if flag else "no" }}')).toBe('yes');
    expect(t.renderString('{{ foo is defined }}')).toBe(false);
    expect(t.renderString('{{ foo is not defined }}')).toBe(true);
    expect(t.renderString('{{ not foo is defined }}')).toBe(true);
    expect(t.renderString('{{ nothing is none }}')).toBe(true);
    expect(t.renderString('{{ name ~ "-" ~ 1 }}')).toBe('web-1');
    expect(t.renderString('{{ 7 // 2 }} {{ 2 ** 10 }} {{ -7 % 3 }}')).toBe('3 1024 2');
    expect(t.renderString('{{ "ab" * 3 }}')).toBe('ababab');
    expect(t.renderString('{{ ports[1:] }}')).toEqual([443]);
    expect(t.renderString('{{ name[::-1] }}')).toBe('bew');
    expect(t.renderString('{{ 80 in ports }} {{ 81 not in ports }}')).toBe('True True');
    expect(t.renderString('{% for k, v in cfg.items() %}{{ k }}={{ v }};{% endfor %}')).toBe('a=1;b=[1, 2];');
    expect(t.renderString('{% for p in ports %}{{ loop.index }}{{ "," if not loop.last }}{% endfor %}')).toBe('1,2');
    expect(t.renderString('{% set x = 3 %}{{ x * 2 }}')).toBe('6');
    expect(t.renderString('{% raw %}{{ not }}{% endraw %}')).toBe('{{ not }}');
    expect(t.renderString('a {# note #}b')).toBe('a b');
    expect(t.renderString('{%- if flag -%}  yes  {%- endif -%}')).toBe('yes');
    expect(t.renderString('{{ "a,b".split(",") }}')).toEqual(['a', 'b']);
    expect(t.renderString('{{ " x ".strip().upper() }}')).toBe('X');
    expect(t.renderString('{{ "{}-{}".format(1, "a") }}')).toBe('1-a');
    expect(t.renderString('{{ "%s:%05d" % ("p", 42) }}')).toBe('p:00042');
    expect(t.renderString('{{ cfg.get("a") }} {{ cfg.get("x", 9) }} {{ cfg.keys() | list }}')).toBe("1 9 ['a', 'b']");
    expect(t.renderString('{{ True }} {{ false }} {{ None }}')).toBe('True False ');
    expect(t.renderString('{{ empty or "fallback" }}')).toBe('fallback');
    expect(t.renderString('{% if empty %}full{% else %}empty{% endif %}')).toBe('empty');
    expect(t.renderString('{{ [1, 2] + [3] }}')).toEqual([1, 2, 3]);
    expect(t.renderString('{{ {"k": name} }}')).toEqual({ k: 'web' });
  });

  it('keeps backslashes in task strings as written', () => {
    expect(t.renderString("{{ 'a\\1' }}")).toBe('a\\1');
  });

  it('preserves trailing newlines of the input', () => {
    expect(t.renderString('{{ name }}\n\n')).toBe('web\n\n');
  });

  it('never templates unsafe values', () => {
    const r = templar({ secret: markUnsafe('{{ boom }}') });
    expect(r.render(markUnsafe('{{ x }}'))).toEqual(markUnsafe('{{ x }}'));
    expect(r.renderString('{{ secret }}')).toBe('{{ boom }}');
  });

  it('keeps float-ness through arithmetic', () => {
    expect(t.renderString('{{ 2.0 * 3 }}')).toBe('6.0');
    expect(t.renderString('{{ [2.0] }}')).toEqual([new PyFloat(2)]);
  });
});

describe('Templar.render', () => {
  it('renders nested structures and dict keys', () => {
    const t = templar({ k: 'key', v: 'val' });
    expect(t.render({ '{{ k }}': ['{{ v }}', 1, true] })).toEqual({ key: ['val', 1, true] });
  });
});

describe('Templar.evaluateConditional', () => {
  const sink = new RecordingSink();
  const t = new Templar({ vars: varsFromObject({ x: 5, items: [], s: 'abc', yes: 'yes' }), sink });

  it('evaluates bare expressions with Python truthiness', () => {
    expect(t.evaluateConditional('x > 3')).toBe(true);
    expect(t.evaluateConditional('items')).toBe(false);
    expect(t.evaluateConditional(['x == 5', 's is string'])).toBe(true);
    expect(t.evaluateConditional(true)).toBe(true);
    expect(t.evaluateConditional('')).toBe(true);
    expect(t.evaluateConditional('foo is undefined')).toBe(true);
  });

  it('warns about delimiters but still evaluates', () => {
    expect(t.evaluateConditional('{{ x == 5 }}')).toBe(true);
    expect(sink.messages('warning')[0]).toContain('conditional statements should not include jinja2 templating delimiters');
  });

  it('reports undefined variables as Ansible does', () => {
    expect(() => t.evaluateConditional('foo == 1')).toThrow(
      "The conditional check 'foo == 1' failed. The error was: error while evaluating conditional (foo == 1): 'foo' is undefined",
    );
  });
});

describe('variable sources', () => {
  it('leaves untemplated variables (registered results, facts) as data', () => {
    const vars = { result: { stdout: '{{ secret }}' }, msg: '{{ result.stdout }}' };
    const t = new Templar({
      vars: { lookup: (n: string) => (vars as Record<string, unknown>)[n], isUntemplated: (n: string) => n === 'result' },
      sink: new RecordingSink(),
    });
    expect(t.renderString('{{ msg }}')).toBe('{{ secret }}');
  });

  it('reads lazy mappings such as hostvars on demand', () => {
    const looked: string[] = [];
    const hostvars = {
      get: (host: string) => {
        looked.push(host);
        return { ansible_host: `${host}.example`, port: '{{ 22 }}' };
      },
      has: (host: string) => host.startsWith('web'),
      keys: () => ['web1', 'web2'],
    };
    const t = templar({ hostvars });
    expect(t.renderString("{{ hostvars['web1'].ansible_host }}")).toBe('web1.example');
    expect(t.renderString('{{ hostvars.web2["ansible_host"] }}')).toBe('web2.example');
    expect(t.renderString('{{ hostvars | list }}')).toEqual(['web1', 'web2']);
    expect(t.renderString("{{ hostvars['db1'] is defined }}")).toBe(false);
    expect(t.renderString("{{ 'web2' in hostvars }} {{ 'db1' in hostvars }} {{ hostvars | length }} {{ 'yes' if hostvars else 'no' }}")).toBe('True False 2 yes');
    expect(looked).toEqual(['web1', 'web2']);
  });

  it('exposes omit as a stable placeholder', () => {
    const t = templar({});
    const value = t.render({ mode: '{{ nope | default(omit) }}' }) as Record<string, unknown>;
    expect(isOmit(value['mode'])).toBe(true);
  });
});

describe('Templar.loopItems (with_* loops)', () => {
  const t = templar({ pkgs: ['a', 'b'], nested: [['x'], ['y', 'z']], users: { bob: { uid: 1 } } });

  it('templates and listifies the terms, then runs the lookup', () => {
    expect(t.loopItems('items', '{{ nested }}')).toEqual(['x', 'y', 'z']);
    expect(t.loopItems('items', ['{{ pkgs[0] }}', 'c'])).toEqual(['a', 'c']);
    expect(t.loopItems('items', 'single')).toEqual(['single']);
    expect(t.loopItems('dict', '{{ users }}')).toEqual([{ key: 'bob', value: { uid: 1 } }]);
    expect(t.loopItems('sequence', 'start=1 end=3')).toEqual(['1', '2', '3']);
  });

  it('names unknown lookups and lists the known ones', () => {
    expect(() => t.loopItems('bogus', [])).toThrow("lookup plugin (bogus) not found for 'with_bogus'");
  });

  it('reports undefined loop variables with a hint', () => {
    let caught: unknown;
    try {
      t.loopItems('items', '{{ missing }}', { location: { file: 'tasks.yml', line: 9, column: 3 } });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(TsibleError);
    expect((caught as TsibleError).message).toContain("'missing' is undefined");
    expect((caught as TsibleError).hint).toContain("missing | default(...)");
    expect((caught as TsibleError).location).toEqual({ file: 'tasks.yml', line: 9, column: 3 });
  });
});

describe('runaway templates', () => {
  it('turns endless macro recursion into a clear error', () => {
    expect(() => templar({}).renderString('{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}')).toThrow('template recursion too deep');
  });
});

describe('vault-encrypted values', () => {
  it('are refused with a clear error instead of printing ciphertext', () => {
    const secret = new VaultText('$ANSIBLE_VAULT;1.1;AES256\n6162', undefined);
    const t = templar({ db_password: secret, cfg: { pw: secret } });
    expect(() => t.renderString('{{ db_password }}')).toThrow("the value of 'db_password' is vault-encrypted and no vault secret was given to decrypt it");
    expect(() => t.renderString('{{ cfg }}')).toThrow('a vault-encrypted value reached a template undecrypted');
  });
});

describe('dict keys named __proto__', () => {
  it('stay ordinary items everywhere a dict is built', () => {
    const t = templar({ d: JSON.parse('{"__proto__": 1}') as unknown });
    expect(t.renderString("{{ {'__proto__': 1} }}")).toEqual(JSON.parse('{"__proto__": 1}'));
    expect(t.renderString("{{ {'a': 1} | combine({'__proto__': 2}) | dict2items | length }}")).toBe('2');
    expect(t.renderString("{{ [{'key': '__proto__', 'value': 3}] | items2dict }}")).toEqual(JSON.parse('{"__proto__": 3}'));
    expect(t.renderString("{{ d['__proto__'] }} {{ ({}).__proto__ is defined }}")).toBe('1 False');
  });
});

describe('lazy variables and per-render extra variables', () => {
  it('do not leak a value templated for one loop item into another', () => {
    const t = templar({ label: 'item-{{ item }}' });
    expect(t.render(['{{ label }}'], { extraVars: { item: 1 } })).toEqual(['item-1']);
    expect(t.render(['{{ label }}'], { extraVars: { item: 2 } })).toEqual(['item-2']);
  });
});
