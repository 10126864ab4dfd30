import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { discoverRecipes } from './discover.js';
import { formatRecipe, formatRecipeList } from './format.js';

function dir(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'tsible-recipes-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, name), text);
  return root;
}

describe('discoverRecipes', () => {
  it('lists .yml/.yaml files in order, the first directory shadowing later ones', async () => {
    const first = dir({ 'b.yml': '# description: B first\n# input: who - target (required)\n- hosts: all\n', 'notes.txt': 'x' });
    const second = dir({ 'b.yaml': '# description: B second\n', 'a.yaml': '- hosts: all\n' });
    mkdirSync(join(first, 'templates.yml'));
    const recipes = await discoverRecipes([first, join(first, 'missing'), second]);
    expect(recipes.map((r) => [r.name, r.description])).toEqual([
      ['b', 'B first'],
      ['a', undefined],
    ]);
    expect(formatRecipeList(recipes)).toBe('b  B first  [needs: who]\na  (no description)\n');
    expect(formatRecipe(recipes[0]!)).toBe(`b (${join(first, 'b.yml')})\n\ndescription: B first\ninput: who - target (required)\n`);
  });

  it('says so when there are none', async () => {
    expect(formatRecipeList(await discoverRecipes([dir({})]))).toBe('no recipes found\n');
  });
});
