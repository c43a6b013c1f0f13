// The recipe editor: the text in a plain text area, its line numbers in a gutter, and the controller's own validator
// (POST /api/v1/recipes/{name}/check) asked again as the text is typed, its messages drawn beside the lines they name.
// One check is in flight at a time: when it answers and the text has changed meanwhile, the newest text is checked
// next, so the messages follow the typing without a request per key. Saving makes a new version with a comment.
import { getJson, say, send } from './api.js';
import { element } from './format.js';

const root = document.getElementById('editor');
const recipe = root.dataset.recipe;
const base = '/api/v1/recipes/' + encodeURIComponent(recipe);
const text = document.getElementById('editor-text');
const gutter = document.getElementById('editor-gutter');
const notes = document.getElementById('editor-notes');
const status = document.getElementById('editor-status');
const source = document.getElementById('editor-source');

let inFlight = false;
let checkedText = null;
let pendingSince = null; // the timestamp of the oldest input not yet answered
let saved = '';

async function loadText() {
  if (root.dataset.import === '1') {
    const imported = JSON.parse(sessionStorage.getItem('import:' + recipe) || 'null');
    if (imported !== null) {
      sessionStorage.removeItem('import:' + recipe);
      source.textContent = 'Imported from the file ' + imported.file + ': check it, then save it as a new version.';
      return { text: imported.text, saved: '' };
    }
  }
  const from = root.dataset.from;
  if (from !== '') {
    const version = await getJson(base + '/versions/' + from);
    source.textContent = 'Editing from version ' + version.version + ' (saved by ' + version.author + '). Saving '
      + 'makes a new version; version ' + version.version + ' stays as it is.';
    return { text: version.yaml, saved: version.yaml };
  }
  source.textContent = 'A new recipe: its first version. The format is in docs/recipes.md.';
  return { text: 'recipe: ' + recipe + '\nfurnace: 6inch\ndescription: \nholdback: {type: low, limit_k: 10}\n'
    + 'steps:\n', saved: '' };
}

function lineHeight() {
  return parseFloat(getComputedStyle(text).lineHeight);
}

function drawGutter(problemLines) {
  const lines = text.value.split('\n').length;
  const numbers = [];
  for (let i = 1; i <= lines; i++) {
    const number = element('div', problemLines.has(i) ? 'line problem' : 'line',
      (problemLines.has(i) ? '▲ ' : '') + i);
    numbers.push(number);
  }
  gutter.replaceChildren(...numbers);
  gutter.scrollTop = text.scrollTop;
}

/** The validator's messages beside their lines; those of no line (the whole recipe) in the status line. */
function drawProblems(answer) {
  const byLine = new Map();
  for (const p of answer.problems) {
    if (p.line > 0) {
      byLine.set(p.line, (byLine.has(p.line) ? byLine.get(p.line) + '; ' : '') + describe(p));
    }
  }
  const height = lineHeight();
  const layer = element('div', 'notes-layer');
  let bottom = 0;
  for (const [line, words] of [...byLine.entries()].sort((a, b) => a[0] - b[0])) {
    const note = element('div', 'note', words);
    note.dataset.line = String(line);
    // a note never covers the one above it: a long one pushes the next down a little
    const top = Math.max((line - 1) * height, bottom);
    note.style.top = top + 'px';
    bottom = top + height;
    layer.append(note);
  }
  layer.style.height = (text.scrollHeight + 200) + 'px';
  notes.replaceChildren(layer);
  syncScroll();
  drawGutter(new Set(byLine.keys()));
  const general = answer.problems.filter((p) => p.line <= 0).map(describe);
  status.classList.toggle('refused', !answer.valid);
  status.textContent = answer.valid ? 'The controller\'s validator accepts this recipe: it would run.'
    : answer.problems.length + ' problem' + (answer.problems.length === 1 ? '' : 's') + ' the controller would '
      + 'refuse' + (general.length ? ': ' + general.join('; ') : ' (beside their lines)') + '.';
}

function describe(p) {
  return 'line ' + p.line + (p.step > 0 ? ', step ' + p.step : '') + (p.field ? ', ' + p.field : '') + ': '
    + p.message;
}

function syncScroll() {
  gutter.scrollTop = text.scrollTop;
  const layer = notes.firstElementChild;
  if (layer) {
    layer.style.transform = 'translateY(' + (-text.scrollTop) + 'px)';
  }
}

async function check() {
  if (inFlight || text.value === checkedText) {
    return;
  }
  inFlight = true;
  const asked = text.value;
  const since = pendingSince;
  try {
    const answer = await send('POST', base + '/check', { yaml: asked });
    checkedText = asked;
    if (text.value === asked) {
      drawProblems(answer);
      if (since !== null) {
        // key press to messages drawn, for the benchmark (docs/benchmarks.md)
        root.dataset.roundTripMs = (performance.now() - since).toFixed(1);
        root.dataset.checks = String(Number(root.dataset.checks || '0') + 1);
        pendingSince = null;
      }
    }
  } catch (error) {
    status.classList.add('refused');
    status.textContent = 'The validator could not be asked: ' + error.message;
  } finally {
    inFlight = false;
  }
  if (text.value !== checkedText) {
    check();
  }
}

text.addEventListener('input', (event) => {
  if (pendingSince === null) {
    pendingSince = event.timeStamp;
  }
  drawGutter(new Set([...gutter.querySelectorAll('.line.problem')].map((l) => Number(l.textContent.slice(2)))));
  check();
});
text.addEventListener('scroll', syncScroll);

document.getElementById('save-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const result = document.getElementById('save-result');
  result.classList.remove('refused');
  const comment = document.getElementById('save-comment').value.trim();
  if (comment === '') {
    result.classList.add('refused');
    say(result, 'A version needs a comment: what changed and why. Nothing was saved.');
    return;
  }
  if (text.value === saved) {
    result.classList.add('refused');
    say(result, 'Nothing changed since the version it was opened from. Nothing was saved.');
    return;
  }
  try {
    const version = await send('POST', base + '/versions', { yaml: text.value, comment });
    saved = text.value;
    location.assign('/recipes/' + encodeURIComponent(recipe) + '?saved=' + version.version);
  } catch (error) {
    result.classList.add('refused');
    say(result, 'Not saved: ' + error.message);
  }
});

window.addEventListener('beforeunload', (event) => {
  if (text.value !== saved) {
    event.preventDefault();
  }
});

loadText().then((loaded) => {
  text.value = loaded.text;
  saved = loaded.saved;
  drawGutter(new Set());
  check();
}).catch((error) => {
  status.classList.add('refused');
  status.textContent = 'The recipe could not be opened: ' + error.message;
});
