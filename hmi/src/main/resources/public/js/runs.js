// A furnace's run history: every run its controller kept a report of, newest first, each linked to its report. A
// reference run chosen above the table goes into every report link (?reference=), to compare each run with it.
import { getJson } from './api.js';
import { dateTime, element, number } from './format.js';

const root = document.getElementById('runs');
const furnace = root.dataset.furnace;
const status = document.getElementById('runs-status');
const choice = document.getElementById('reference');
const body = document.querySelector('#run-table tbody');

load().catch((error) => {
  status.textContent = 'The run history is not available: ' + error.message;
});

async function load() {
  const answer = await getJson('/api/v1/furnaces/' + encodeURIComponent(furnace) + '/runs');
  for (const run of answer.runs) {
    body.append(row(run));
    const option = element('option', '', (run.started_at ? dateTime(run.started_at) : run.id) + ' – '
      + (run.recipe || '?') + ' – ' + (run.final_state || '?'));
    option.value = run.id;
    choice.append(option);
  }
  choice.addEventListener('change', links);
  links();
  status.textContent = answer.kept === false ? 'This furnace\'s controller keeps no run history.'
    : answer.runs.length + (answer.runs.length === 1 ? ' run' : ' runs');
  root.dataset.loaded = 'true';
}

function row(run) {
  const tr = element('tr');
  tr.dataset.run = run.id;
  const cells = [
    run.started_at ? dateTime(run.started_at) : '—',
    run.ended_at ? dateTime(run.ended_at) : '—',
    run.recipe || '—',
    run.recipe_version === undefined ? '—' : 'v' + run.recipe_version,
    run.recipe_sha256 ? run.recipe_sha256.slice(0, 12) : '—',
    run.started_by || '—',
    run.problem ? 'unreadable: ' + run.problem : run.final_state,
    run.boule_length_mm === null || run.boule_length_mm === undefined ? '—' : number(run.boule_length_mm) + ' mm',
  ];
  for (const text of cells) {
    tr.append(element('td', '', text));
  }
  const link = element('a', 'report-link', 'Report');
  link.dataset.run = run.id;
  const cell = element('td');
  cell.append(link);
  tr.append(cell);
  return tr;
}

/** Each report link with the reference chosen, except the reference's own. */
function links() {
  for (const link of body.querySelectorAll('a.report-link')) {
    const reference = choice.value && choice.value !== link.dataset.run ? '?reference='
      + encodeURIComponent(choice.value) : '';
    link.href = '/furnace/' + encodeURIComponent(furnace) + '/runs/' + encodeURIComponent(link.dataset.run)
      + reference;
  }
}
