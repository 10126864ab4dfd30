import { execFileSync } from 'node:child_process';
import { FILE_LIBRARY } from './run-script.js';
import { compactShell, ShellLibrary } from './shell-library.js';

const SOURCE = `ts_a() { ts_b "$1"; }
ts_b() {
  printf 'b:%s\\n' "$1"
}
ts_c() ( ts_a c )
ts_unused() { ts_c; }`;

describe('compactShell', () => {
  it('drops indentation and comment lines, but not inside a string that goes on over lines', () => {
    const text = "f() {\n  # why\n  x='a\n  b'\n  echo \"$x\" # kept\n\n  y=\"1\n  2\"; z=\\'\n  done\n}";
    expect(compactShell(text)).toBe("f() {\nx='a\n  b'\necho \"$x\" # kept\ny=\"1\n  2\"; z=\\'\ndone\n}");
    const run = (script: string): string => execFileSync('sh', ['-c', `${script}\nf`], { encoding: 'utf8' });
    expect(run(compactShell(text.replace('  done', '  echo "$y"')))).toBe(run(text.replace('  done', '  echo "$y"')));
  });
});

describe('ShellLibrary', () => {
  const library = new ShellLibrary(SOURCE);

  it('hands a body the functions it calls and what they call, in library order', () => {
    expect(library.for('ts_c')).toBe(`ts_a() { ts_b "$1"; }\nts_b() {\nprintf 'b:%s\\n' "$1"\n}\nts_c() ( ts_a c )`);
  });

  it('hands nothing to a body that calls no function; variables of similar names do not count', () => {
    expect(library.for('ts_ab=1; echo "$ts_unused_var"')).toBe('');
  });

  it('gives a script that runs as with the whole library', () => {
    const body = 'ts_c; ts_b x';
    const run = (script: string): string => execFileSync('sh', ['-c', script], { encoding: 'utf8' });
    expect(run(`${library.for(body)}\n${body}`)).toBe(run(`${SOURCE}\n${body}`));
    expect(run(`${library.for(body)}\n${body}`)).toBe('b:c\nb:x\n');
  });

  it('splits the file modules library into every function it defines', () => {
    const names = [...FILE_LIBRARY.matchAll(/^(ts_[a-z_]+)\(\)/gm)].map((m) => m[1]);
    const files = new ShellLibrary(FILE_LIBRARY);
    for (const name of names) expect(files.for(name!)).toContain(`${name}() `);
    // ts_write needs ts_attrs, which needs ts_fail; a probe alone needs none of them.
    expect(files.for('ts_write x')).toContain('ts_fail() ');
    expect(files.for('ts_probe p x 0')).not.toContain('ts_write() ');
  });
});
