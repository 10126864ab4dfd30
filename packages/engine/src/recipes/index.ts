export { parseRecipeHeader, type RecipeHeader, type RecipeInput } from './header.js';
export { discoverRecipes, type Recipe } from './discover.js';
export { formatRecipe, formatRecipeList } from './format.js';
