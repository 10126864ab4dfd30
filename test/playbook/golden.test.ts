import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isTsibleError } from '../../packages/engine/src/errors/tsible-error.js';
import { runPlaybookCommand } from './run-playbook-command.js';

/**
 * Compares `tsible playbook` with ansible-playbook 2.14's recorded answers
 * (test/fixtures/playbook/*, recorded by record.sh) for every case and mode.
 */
const fixtures = fileURLToPath(new URL('../fixtures/playbook/', import.meta.url));
const cases = readdirSync(fixtures).filter((name) => existsSync(join(fixtures, name, 'site.yml')));
const MODES = ['syntax-check', 'list-tasks', 'list-tags', 'list-hosts'] as const;

/** tsible has no collections, so the `ansible.legacy` entry Ansible lists among role search places is not in its message. */
const normaliseAnsible = (text: string) => text.replace(/ansible\.legacy:/g, '');
/** YAML syntax errors come from a different parser: only the exit code and the place are compared. */
const YAML_ERROR_CASES = new Set(['err-yaml']);

/** Ansible prints the modules that accept free text from a Python set, in no stable order: compare up to the list. */
const cutRandomList = (text: string) => text.replace(/(only allowed in the following modules: ).*/s, '$1');

/** ansible-playbook prints each play's hosts from a Python set, in no stable order: compare them sorted. */
function sortHostLines(text: string): string {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!/^    hosts \(\d+\):$/.test(lines[i]!)) continue;
    let end = i + 1;
    while (end < lines.length && lines[end]!.startsWith('      ')) end++;
    lines.splice(i + 1, end - i - 1, ...lines.slice(i + 1, end).sort());
  }
  return lines.join('\n');
}

function recorded(caseName: string, mode: string) {
  const base = join(fixtures, caseName, 'ansible', mode);
  return {
    stdout: readFileSync(`${base}.stdout`, 'utf8'),
    stderr: normaliseAnsible(readFileSync(`${base}.stderr`, 'utf8')),
    rc: Number(readFileSync(`${base}.rc`, 'utf8').trim()),
  };
}

function caseArgs(caseName: string): string[] {
  const file = join(fixtures, caseName, 'args');
  return existsSync(file) ? readFileSync(file, 'utf8').trim().split(/\s+/) : [];
}

describe('tsible playbook matches ansible-playbook 2.14', () => {
  it('has at least 25 recorded cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(25);
  });

  for (const caseName of cases) {
    for (const mode of MODES) {
      it(`${caseName} --${mode}`, async () => {
        const expected = recorded(caseName, mode);
        const cwd = join(fixtures, caseName);
        const run = await runPlaybookCommand(cwd, ['-i', '../hosts.ini', 'site.yml', `--${mode}`, ...caseArgs(caseName)], {
          ANSIBLE_ROLES_PATH: join(fixtures, 'shared-roles'),
        });
        if (expected.rc === 0) {
          if (run.error) throw run.error;
          expect(sortHostLines(run.stdout)).toBe(sortHostLines(expected.stdout));
          return;
        }
        expect(isTsibleError(run.error)).toBe(true);
        if (!isTsibleError(run.error)) return;
        expect(run.error.exitCode).toBe(expected.rc);
        expect(run.stdout).toBe('');
        const place = /The error appears to be in '([^']+)': line (\d+), column (\d+)/.exec(expected.stderr);
        if (place) {
          // tsible points at the offending key where Ansible points at the enclosing task: same file, same line or below.
          expect(run.error.location?.file.replace(fixtures, '<fixtures>/')).toBe(place[1]);
          expect(run.error.location?.line).toBeGreaterThanOrEqual(Number(place[2]));
        }
        if (YAML_ERROR_CASES.has(caseName)) return;
        const message = cutRandomList(run.error.message.replaceAll(fixtures, '<fixtures>/'));
        // Warnings may come first; the error is what follows `ERROR! `.
        const ansibleMessage = cutRandomList(expected.stderr.slice(expected.stderr.indexOf('ERROR! ') + 'ERROR! '.length));
        expect(ansibleMessage.startsWith(message)).toBe(true);
        expect(message.length).toBeGreaterThan(15);
      });
    }
  }
});
