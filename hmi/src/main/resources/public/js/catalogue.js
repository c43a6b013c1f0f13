// A furnace's catalogue (name → unit, type, range, description, alarm limits), the recipe its controller runs and the
// controller's facts (furnace type), each fetched once per page and furnace; while the controller cannot be reached
// it is asked again, 5 s apart.
import { getJson } from './api.js';

const RETRY_MS = 5000;
const loaded = new Map();

/** Resolves to a Map of the furnace's signals by name. */
export function catalogueOf(furnace) {
  return once(furnace, 'signals', (signals) => new Map(signals.map((s) => [s.name, s])));
}

/** Resolves to the recipe the furnace's controller runs: {name, file, sha256, steps: [{number, name, type}]}. */
export function recipeOf(furnace) {
  return once(furnace, 'recipes', (recipes) => recipes.loaded);
}

/** Resolves to the controller's facts: {furnace, variant (the furnace type, e.g. 8inch), run_id, recipe, ...}. */
export function controllerOf(furnace) {
  return once(furnace, 'controller', (facts) => facts);
}

function once(furnace, what, shape) {
  const key = furnace + '/' + what;
  if (!loaded.has(key)) {
    loaded.set(key, load('/api/v1/furnaces/' + encodeURIComponent(furnace) + '/' + what).then(shape));
  }
  return loaded.get(key);
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
