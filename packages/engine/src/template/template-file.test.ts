import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { RecordingSink } from '../output/events.js';
import { TsibleError } from '../errors/tsible-error.js';
import { Templar } from './templar.js';

const tempDirs: string[] = [];
afterAll(() => tempDirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function setup(): { dir: string; templar: Templar } {
  const dir = mkdtempSync(path.join(tmpdir(), 'tsible-tpl-'));
  tempDirs.push(dir);
  return { dir, templar: new Templar({ vars: { name: 'web', items: ['a', 'b'] }, sink: new RecordingSink(), searchPaths: [dir] }) };
}

describe('template files', () => {
  it('uses trim_blocks and keeps the trailing newline', () => {
    const { templar } = setup();
    const src = '{% for i in items %}\n- {{ i }}\n{% endfor %}\nend\n';
    expect(templar.renderTemplateFile(src, 'list.j2')).toBe('- a\n- b\nend\n');
  });

  it('honours a #jinja2: header', () => {
    const { templar } = setup();
    const src = "#jinja2: variable_start_string: '[[', variable_end_string: ']]'\n[[ name ]] {{ literal }}\n";
    expect(templar.renderTemplateFile(src, 'h.j2')).toBe('web {{ literal }}\n');
  });

  it('points errors at the template file and line', () => {
    const { templar } = setup();
    let error: unknown;
    try {
      templar.renderTemplateFile('ok\n\n  port={{ missing }}\n', 'conf.j2');
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(TsibleError);
    expect((error as TsibleError).location).toEqual({ file: 'conf.j2', line: 3, column: 8 });
    expect((error as TsibleError).message).toContain("'missing' is undefined");
  });
});

describe('file-backed lookups', () => {
  it('reads files and templates from the search paths', () => {
    const { dir, templar } = setup();
    writeFileSync(path.join(dir, 'motd.txt'), 'hello {{ x }}\n');
    writeFileSync(path.join(dir, 'greet.j2'), 'hi {{ name }}\n');
    expect(templar.renderString("{{ lookup('file', 'motd.txt') }}")).toBe('hello {{ x }}');
    expect(templar.renderString("{{ lookup('template', 'greet.j2') }}")).toBe('hi web\n');
  });

  it('creates a password file once, mode 0600, and reuses it', () => {
    const { dir, templar } = setup();
    const first = templar.renderString("{{ lookup('password', 'creds/db length=12 chars=digits') }}");
    expect(first).toMatch(/^[0-9]{12}$/);
    const file = path.join(dir, 'creds/db');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toBe(`${String(first)}\n`);
    expect(templar.renderString("{{ lookup('password', 'creds/db length=12') }}")).toBe(first);
  });

  it('finds the first existing file', () => {
    const { dir, templar } = setup();
    writeFileSync(path.join(dir, 'b.yml'), '');
    expect(templar.renderString("{{ lookup('first_found', ['a.yml', 'b.yml']) }}")).toBe(path.join(dir, 'b.yml'));
    expect(() => templar.renderString("{{ lookup('first_found', ['zz.yml']) }}")).toThrow('No file was found when using first_found.');
  });
});

describe('template variables', () => {
  it('exposes template_path, template_host and ansible_managed to the template lookup', () => {
    const { dir, templar } = setup();
    writeFileSync(path.join(dir, 'info.j2'), '{{ template_path }}|{{ ansible_managed }}|{{ template_fullpath == dir_path ~ "/info.j2" }}|{{ local }}');
    const out = templar.renderString("{{ lookup('template', 'info.j2', template_vars={'local': 1, 'dir_path': '" + dir + "'}) }}");
    expect(out).toBe('info.j2|Ansible managed|True|1');
  });
});

describe('variables inside template files', () => {
  it('are templated with type conversion, as Ansible templates variables', () => {
    const t = new Templar({ vars: { ports: '{{ [80, 443] }}' }, sink: new RecordingSink() });
    expect(t.renderTemplateFile('{% for p in ports %}{{ p }};{% endfor %}\n', 'p.j2')).toBe('80;443;\n');
  });
});

describe('{% include %}', () => {
  it('finds templates next to the including file, shares variables, and points errors at the included file', () => {
    const { dir, templar } = setup();
    mkdirSync(path.join(dir, 'templates'));
    writeFileSync(path.join(dir, 'templates', 'row.j2'), '{% for i in items %}\n[{{ i }}-{{ local }}]\n{% endfor %}\n');
    writeFileSync(path.join(dir, 'templates', 'bad.j2'), 'ok\n{{ missing_in_include }}\n');
    const main = path.join(dir, 'templates', 'main.j2');
    expect(templar.renderTemplateFile("{% set local = 'L' %}{% include 'row.j2' %}end\n", main)).toBe('[a-L]\n[b-L]\nend\n');
    expect(templar.renderTemplateFile("{% include 'nope.j2' ignore missing %}x", main)).toBe('x');
    expect(() => templar.renderTemplateFile("{% include 'nope.j2' %}", main)).toThrow('TemplateNotFound: nope.j2');
    let caught: unknown;
    try {
      templar.renderTemplateFile("{% include 'bad.j2' %}", main);
    } catch (err) {
      caught = err;
    }
    expect((caught as TsibleError).location).toEqual({ file: path.join(dir, 'templates', 'bad.j2'), line: 2, column: 1 });
  });
});

describe('{% import %} and {% from %}', () => {
  it('imports macros and variables from another template', () => {
    const { dir, templar } = setup();
    writeFileSync(path.join(dir, 'macros.j2'), "{% set sep = ', ' %}{% macro li(x) %}<li>{{ x }}</li>{% endmacro %}ignored output");
    const main = path.join(dir, 'page.j2');
    expect(templar.renderTemplateFile("{% import 'macros.j2' as m %}{{ m.li(1) }}{{ m.sep }}", main)).toBe('<li>1</li>, ');
    expect(templar.renderTemplateFile("{% from 'macros.j2' import li as item, sep %}{{ item('a') }}|{{ sep }}|", main)).toBe('<li>a</li>|, |');
    expect(() => templar.renderTemplateFile("{% from 'macros.j2' import nope %}{{ nope() }}", main)).toThrow("the template does not export the requested name 'nope'");
  });
});
