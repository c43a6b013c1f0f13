// One recipe's versions, newest first: who saved each, when and why, what the controller's validator says of it, its
// approval. An engineer approves another's valid version (four eyes: never their own), exports a version as its YAML
// file, opens the editor from it, or picks two versions to compare side by side.
import { currentSession, getJson, say, send } from './api.js';
import { dateTime, element } from './format.js';

const root = document.getElementById('recipe');
const recipe = root.dataset.recipe;
const base = '/api/v1/recipes/' + encodeURIComponent(recipe);
const message = document.getElementById('recipe-message');
const dialog = document.getElementById('approve-dialog');
let approving = null;

async function showVersions() {
  let versions;
  let user;
  try {
    [versions, { user }] = await Promise.all([getJson(base + '/versions'), currentSession()]);
  } catch (error) {
    say(message, 'The versions of ' + recipe + ' could not be read: ' + error.message);
    document.getElementById('edit-latest').textContent = 'Write its first version';
    return;
  }
  const latest = versions[versions.length - 1];
  document.getElementById('edit-latest').href = '/recipes/' + encodeURIComponent(recipe) + '/edit?from='
    + latest.version;
  const body = document.querySelector('#version-table tbody');
  body.replaceChildren(...versions.slice().reverse().map((v) => versionRow(v, user)));
  const highlighted = new URLSearchParams(location.search).get('saved');
  if (highlighted) {
    say(message, 'Saved as version ' + highlighted + '.');
  }
}

function versionRow(v, user) {
  const row = element('tr');
  row.dataset.version = String(v.version);
  const pick = element('input');
  pick.type = 'checkbox';
  pick.name = 'compare';
  pick.value = String(v.version);
  pick.setAttribute('aria-label', 'compare version ' + v.version);
  const pickCell = element('td');
  pickCell.append(pick);
  const validator = element('td', v.valid ? null : 'abnormal', v.valid ? 'runs' : v.problems.length + ' problem'
    + (v.problems.length === 1 ? '' : 's'));
  if (!v.valid) {
    validator.title = v.problems.map((p) => p.text).join('\n');
  }
  const approval = element('td', 'approval', v.approved ? 'approved by ' + v.approved_by + ', '
    + dateTime(v.approved_at) + ': ' + v.approval_comment : 'not approved');
  const sha = element('td', 'sha', v.sha256.slice(0, 12));
  sha.title = v.sha256;
  row.append(pickCell, element('td', null, 'v' + v.version), element('td', null, dateTime(v.time)),
    element('td', null, v.author), element('td', null, v.comment), validator, approval, sha,
    actions(v, user));
  return row;
}

function actions(v, user) {
  const cell = element('td', 'actions');
  const edit = element('a', 'button', 'Edit from');
  edit.href = '/recipes/' + encodeURIComponent(recipe) + '/edit?from=' + v.version;
  const exported = element('a', 'button', 'Export YAML');
  exported.href = base + '/versions/' + v.version + '/yaml';
  exported.setAttribute('download', recipe + '-v' + v.version + '.yaml');
  cell.append(edit, exported);
  if (v.valid) {
    const dry = element('button', null, 'Dry run');
    dry.type = 'button';
    dry.dataset.dryRun = String(v.version);
    dry.title = 'run v' + v.version + ' to its end in virtual time against the simulated furnace';
    dry.addEventListener('click', () => dryRun(v, dry));
    cell.append(dry);
  }
  if (!v.approved) {
    const approve = element('button', null, 'Approve…');
    approve.type = 'button';
    approve.dataset.approve = String(v.version);
    const why = v.author === user ? 'you saved this version: another engineer or an admin approves it'
      : !v.valid ? 'the validator finds problems: it would not run' : '';
    approve.disabled = why !== '';
    approve.title = why;
    approve.addEventListener('click', () => openApproval(v));
    cell.append(approve);
  }
  return cell;
}

async function dryRun(v, button) {
  button.disabled = true;
  try {
    const run = await send('POST', base + '/versions/' + v.version + '/dry-runs', {});
    location.assign('/recipes/' + encodeURIComponent(recipe) + '/dry-runs/' + encodeURIComponent(run.id));
  } catch (error) {
    button.disabled = false;
    say(message, 'No dry run of v' + v.version + ': ' + error.message);
  }
}

async function showDryRuns() {
  let runs;
  try {
    runs = await getJson(base + '/dry-runs');
  } catch (error) {
    say(message, 'The dry runs of ' + recipe + ' could not be read: ' + error.message);
    return;
  }
  const body = document.querySelector('#dry-run-table tbody');
  if (runs.length === 0) {
    const cell = element('td', 'muted', 'None yet.');
    cell.colSpan = 6;
    const row = element('tr');
    row.append(cell);
    body.replaceChildren(row);
    return;
  }
  body.replaceChildren(...runs.map((run) => {
    const row = element('tr');
    row.dataset.dryRun = run.id;
    const link = element('a', null, run.id);
    link.href = '/recipes/' + encodeURIComponent(recipe) + '/dry-runs/' + encodeURIComponent(run.id);
    const id = element('td');
    id.append(link);
    row.append(id, element('td', null, 'v' + run.version), element('td', null, run.user),
      element('td', null, dateTime(run.requested)), element('td', null, run.state),
      element('td', run.state === 'failed' || (run.state === 'finished' && !run.completed) ? 'abnormal' : null,
        dryRunResult(run)));
    return row;
  }));
}

/** A dry run's outcome in words. */
function dryRunResult(run) {
  if (run.state === 'finished') {
    return (run.completed ? 'ran to the recipe\'s end' : 'did not reach the recipe\'s end') + ' in '
      + run.wall_s.toFixed(1) + ' s';
  }
  return run.state === 'failed' ? run.problem : '';
}

function openApproval(v) {
  approving = v;
  document.getElementById('approve-title').textContent = 'Approve version ' + v.version + ' of ' + recipe
    + ' for production?';
  document.getElementById('approve-comment').value = '';
  document.getElementById('approve-result').hidden = true;
  document.getElementById('approve-send').hidden = false;
  document.getElementById('approve-cancel').textContent = 'Cancel';
  dialog.showModal();
}

async function approve() {
  const comment = document.getElementById('approve-comment').value.trim();
  const result = document.getElementById('approve-result');
  result.classList.remove('refused');
  if (comment === '') {
    result.classList.add('refused');
    say(result, 'An approval needs a comment. Nothing was sent.');
    return;
  }
  try {
    const answer = await send('POST', base + '/versions/' + approving.version + '/approval', { comment });
    say(result, 'Approved by ' + answer.approved_by + '.');
    document.getElementById('approve-send').hidden = true;
    document.getElementById('approve-cancel').textContent = 'Close';
    showVersions();
showDryRuns();
  } catch (error) {
    result.classList.add('refused');
    say(result, 'Not approved: ' + error.message);
  }
}

document.getElementById('approve-send').addEventListener('click', approve);
document.getElementById('approve-cancel').addEventListener('click', () => dialog.close());
dialog.querySelector('form').addEventListener('submit', (event) => {
  event.preventDefault();
  approve();
});

document.getElementById('compare').addEventListener('click', () => {
  const picked = [...document.querySelectorAll('input[name=compare]:checked')].map((c) => Number(c.value))
    .sort((a, b) => a - b);
  if (picked.length !== 2) {
    say(message, 'Pick two versions to compare (ticked: ' + picked.length + ').');
    return;
  }
  location.assign('/recipes/' + encodeURIComponent(recipe) + '/diff?a=' + picked[0] + '&b=' + picked[1]);
});

showVersions();
showDryRuns();
