// The recipe store's recipes: each with its latest version and whether any version is approved; a new recipe is
// begun by name, or imported from a YAML file (docs/recipes.md), which opens in the editor to be checked and saved.
import { getJson, say } from './api.js';
import { dateTime, element } from './format.js';

const NAME = /^[a-z0-9][a-z0-9_-]{0,63}$/;
const message = document.getElementById('recipes-message');

async function showRecipes() {
  const body = document.querySelector('#recipe-table tbody');
  let recipes;
  try {
    recipes = await getJson('/api/v1/recipes');
  } catch (error) {
    say(message, 'The recipes could not be read: ' + error.message);
    return;
  }
  if (recipes.length === 0) {
    const row = element('tr');
    const cell = element('td', 'muted', 'The store has no recipe yet: write one or import a YAML file.');
    cell.colSpan = 6;
    row.append(cell);
    body.replaceChildren(row);
    return;
  }
  body.replaceChildren(...recipes.map(recipeRow));
}

function recipeRow(recipe) {
  const row = element('tr');
  row.dataset.recipe = recipe.name;
  const link = element('a', null, recipe.name);
  link.href = '/recipes/' + encodeURIComponent(recipe.name);
  const name = element('td');
  name.append(link);
  const latest = recipe.latest;
  row.append(name, element('td', null, String(recipe.versions)), element('td', null, 'v' + latest.version),
    element('td', null, latest.author), element('td', null, dateTime(latest.time)),
    element('td', null, recipe.approved_versions.length === 0 ? 'none'
      : recipe.approved_versions.map((v) => 'v' + v).join(', ')));
  return row;
}

document.getElementById('new-recipe').addEventListener('submit', (event) => {
  event.preventDefault();
  const name = document.getElementById('new-name').value.trim();
  if (!NAME.test(name)) {
    say(message, 'A recipe\'s name is 1 to 64 of a-z, 0-9, \'-\' and \'_\', starting with a letter or digit: \''
      + name + '\' is not.');
    return;
  }
  location.assign('/recipes/' + encodeURIComponent(name) + '/edit');
});

// An imported file is named for its recipe: the text's "recipe:" key, else the file's name.
document.getElementById('import-file').addEventListener('change', async (event) => {
  const file = event.target.files[0];
  if (!file) {
    return;
  }
  const text = await file.text();
  const key = /^recipe\s*:\s*['"]?([^'"\s#]+)/m.exec(text);
  const name = key ? key[1] : file.name.replace(/\.ya?ml$/i, '').toLowerCase();
  if (!NAME.test(name)) {
    say(message, file.name + ' names its recipe \'' + name + '\', which the store cannot take: a recipe\'s name is '
      + '1 to 64 of a-z, 0-9, \'-\' and \'_\'. Correct its "recipe:" line and import it again.');
    return;
  }
  sessionStorage.setItem('import:' + name, JSON.stringify({ file: file.name, text }));
  location.assign('/recipes/' + encodeURIComponent(name) + '/edit?import=1');
});

showRecipes();
