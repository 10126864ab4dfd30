import type { Recipe } from './discover.js';

/** One line per recipe: name, description, required inputs. */
export function formatRecipeList(recipes: readonly Recipe[]): string {
  if (recipes.length === 0) return 'no recipes found\n';
  const width = Math.max(...recipes.map((r) => r.name.length));
  return recipes
    .map((r) => {
      const required = r.inputs.filter((i) => i.required).map((i) => i.name);
      const needs = required.length === 0 ? '' : `  [needs: ${required.join(', ')}]`;
      return `${r.name.padEnd(width)}  ${r.description ?? '(no description)'}${needs}\n`;
    })
    .join('');
}

/** The full header of one recipe, and where it lives. */
export function formatRecipe(recipe: Recipe): string {
  return `${recipe.name} (${recipe.file})\n\n${recipe.lines.map((l) => `${l}\n`).join('')}`;
}
