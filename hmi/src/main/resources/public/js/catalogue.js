// A furnace's catalogue (name → unit, type, range, description) from its controller, fetched once per page and
// furnace; while the controller cannot be reached it is asked again, 5 s apart.
import { getJson } from './api.js';

const RETRY_MS = 5000;
const catalogues = new Map();

/** Resolves to a Map of the furnace's signals by name. */
export function catalogueOf(furnace) {
  let pending = catalogues.get(furnace);
  if (!pending) {
    pending = load(furnace);
    catalogues.set(furnace, pending);
  }
  return pending;
}

async function load(furnace) {
  for (;;) {
    try {
      const signals = await getJson('/api/v1/furnaces/' + encodeURIComponent(furnace) + '/signals');
      return new Map(signals.map((s) => [s.name, s]));
    } catch (error) {
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
  }
}

/** Resolves to the recipe loaded in the furnace's controller ({name, file, sha256, steps}), or null. */
export async function recipeOf(furnace) {
  try {
    const recipes = await getJson('/api/v1/furnaces/' + encodeURIComponent(furnace) + '/recipes');
    return recipes.loaded || null;
  } catch (error) {
    return null;
  }
}
