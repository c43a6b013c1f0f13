// A furnace's catalogue (name → unit, type, range, description, alarm limits) and the controller's facts (furnace
// type), each fetched once per page and furnace, and the recipe its controller runs, fetched again whenever the live
// data names another (an operator loaded one before the start); while the controller cannot be reached each is asked
// again, 5 s apart.
import { getJson } from './api.js';
import { liveFor } from './live.js';

const RETRY_MS = 5000;
const loaded = new Map();

/** Resolves to a Map of the furnace's signals by name. */
export function catalogueOf(furnace) {
  return once(furnace, 'signals', (signals) => new Map(signals.map((s) => [s.name, s])));
}

/**
 * Calls onRecipe with the recipe the furnace's run follows, {name, file, sha256, steps: [{number, name, type}]}, and
 * again with each other one the live data names.
 */
export function trackRecipe(furnace, onRecipe) {
  let wanted = null;
  liveFor(furnace).subscribe((live) => {
    const name = live.value('recipe');
    if (typeof name !== 'string' || name === '' || name === wanted) {
      return;
    }
    wanted = name;
    once(furnace, 'recipes', (recipes) => recipes.loaded, name).then((recipe) => {
      if (recipe.name === wanted) {
        onRecipe(recipe);
      }
    });
  });
}

/** Resolves to the recipes the furnace's controller offers now: {loaded, available: [{file, name, runnable, ...}]}. */
export function recipeLibraryOf(furnace) {
  return getJson(path(furnace, 'recipes'));
}

/** Resolves to the controller's facts: {furnace, variant (the furnace type, e.g. 8inch), run_id, recipe, ...}. */
export function controllerOf(furnace) {
  return once(furnace, 'controller', (facts) => facts);
}

/** One fetch per furnace, resource and version (the recipe's name: a recipe loaded later is fetched anew). */
function once(furnace, what, shape, version = '') {
  const key = furnace + '/' + what + '#' + version;
  if (!loaded.has(key)) {
    loaded.set(key, load(path(furnace, what)).then(shape));
  }
  return loaded.get(key);
}

function path(furnace, what) {
  return '/api/v1/furnaces/' + encodeURIComponent(furnace) + '/' + what;
}

async function load(path) {
  for (;;) {
    try {
      return await getJson(path);
    } catch (error) {
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
  }
}
