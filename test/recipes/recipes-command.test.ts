import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../packages/engine/bin/tsible.js', import.meta.url));
const repo = fileURLToPath(new URL('../..', import.meta.url));

function tsible(args: string[], cwd: string, env: Record<string, string> = {}) {
  const home = realpathSync(mkdtempSync(join(tmpdir(), 'tsible-recipes-home-')));
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, env: { PATH: process.env['PATH'] ?? '', HOME: home, ...env }, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('tsible recipes', () => {
  it("lists the project's playbooks with their description and required inputs", () => {
    const out = tsible(['recipes'], repo);
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    const lines = out.stdout.split('\n');
    expect(lines).toContainEqual(expect.stringMatching(/^incident-block-ip +Block \(or unblock\) an IP address .* \[needs: blocked_ip\]$/));
    expect(lines).toContainEqual(expect.stringMatching(/^incident-rotate-ssh-key +.*\[needs: key_user, new_key, old_key\]$/));
    expect(lines).toContainEqual(expect.stringMatching(/^incident-rotation +.*\[needs: rotation, service_name, service_port\]$/));
    expect(lines).toContainEqual(expect.stringMatching(/^incident-restart-service +.*\[needs: service_name\]$/));
  });

  it('every bundled recipe has a description and an example', () => {
    const out = tsible(['recipes'], repo);
    const recipes = out.stdout.trim().split('\n').map((l) => l.split(' ')[0] ?? '').filter((n) => n !== 'local-quickstart');
    expect(recipes.length).toBeGreaterThanOrEqual(4);
    for (const name of recipes) {
      const shown = tsible(['recipes', 'show', name], repo).stdout;
      expect(shown).toMatch(/^description: /m);
      expect(shown).toMatch(/^example: tsible playbook /m);
    }
  });

  it('show prints the full header and where the file is', () => {
    const out = tsible(['recipes', 'show', 'incident-block-ip'], repo);
    expect(out.code).toBe(0);
    expect(out.stdout.split('\n')[0]).toBe(`incident-block-ip (${join(repo, 'playbooks', 'incident-block-ip.yml')})`);
    expect(out.stdout).toContain('\ninput: block_state - present adds the DROP rule, absent removes it (default: present)\n');
    expect(out.stdout).toContain('\nexample: tsible playbook playbooks/incident-block-ip.yml -e blocked_ip=203.0.113.7 --limit web\n');
  });

  it('--path and recipes_path choose where to look; an unknown name is an error', () => {
    const root = realpathSync(mkdtempSync(join(tmpdir(), 'tsible-recipes-cli-')));
    mkdirSync(join(root, 'mine'));
    mkdirSync(join(root, 'work'));
    writeFileSync(join(root, 'mine', 'drain.yml'), '# description: Drain a node\n# input: node - which (required)\n- hosts: all\n');
    expect(tsible(['recipes', '--path', join(root, 'mine')], repo).stdout).toBe('drain  Drain a node  [needs: node]\n');
    expect(tsible(['recipes', 'show', 'drain', '--path', join(root, 'mine')], repo).stdout).toContain('input: node - which (required)\n');
    writeFileSync(join(root, 'work', 'ansible.cfg'), `[defaults]\nrecipes_path = ${join(root, 'mine')}\n`);
    expect(tsible(['recipes'], join(root, 'work')).stdout).toBe('drain  Drain a node  [needs: node]\n');
    expect(tsible(['recipes'], join(root, 'work'), { TSIBLE_RECIPES_PATH: join(root, 'none') }).stdout).toBe('no recipes found\n');
    const missing = tsible(['recipes', 'show', 'nope', '--path', join(root, 'mine')], repo);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(`ERROR! no recipe named "nope" in ${join(root, 'mine')}\n"tsible recipes" lists the recipes there are\n`);
  });
});
