// Commands to a furnace from the screens. Each goes through one confirmation dialog that names the furnace and the
// command and asks for a reason (required for run control and shelving, a comment optional for acknowledging; loading
// a recipe also chooses an approved version of the recipe store), then sends it with the session's CSRF token and
// shows the answer: the controller's own words when it refuses (409), the HMI's when the controller is not connected
// (503). While the furnace's data is not live the page refuses on the spot and sends nothing; the HMI would refuse too.
import { currentSession, getJson } from './api.js';
import { liveFor } from './live.js';
import { clock, element } from './format.js';
import { controllerOf, recipeLibraryOf } from './catalogue.js';

const WHAT = {
  load_recipe: 'Load a recipe',
  start: 'Start the run',
  hold: 'Hold the run',
  resume: 'Resume the run',
  abort: 'Abort the run',
  reset_interlocks: 'Reset the trips',
  acknowledge: 'Acknowledge',
  shelve: 'Shelve',
  unshelve: 'Unshelve',
  tune: 'Change the gains',
  start_auto_tune: 'Start the relay auto-tune',
  abort_auto_tune: 'Abort the relay auto-tune',
  accept_tuning: 'Accept the proposed gains',
  reject_tuning: 'Reject the proposed gains',
};
const REASON_REQUIRED = new Set(['load_recipe', 'start', 'hold', 'resume', 'abort', 'reset_interlocks', 'shelve',
  'tune', 'start_auto_tune', 'accept_tuning', 'reject_tuning']);
const SHELVE_MINUTES = [15, 30, 60, 120];

let dialog = null;
let request = null;

/**
 * Opens the dialog for a command: {furnace, command, alarm?, fields?, summary?, onAnswer?(outcome)}: fields go into the
 * command as they are, the summary (what will change, e.g. gains before and after) is shown above the reason. The
 * operator confirms or cancels; nothing is sent without a confirmation.
 */
export function confirmCommand(what) {
  const d = dialogElement();
  request = what;
  const target = what.alarm ? ' alarm ' + what.alarm : '';
  d.title.textContent = WHAT[what.command] + target + ' on furnace ' + what.furnace + '?';
  d.duration.parentElement.hidden = what.command !== 'shelve';
  d.recipe.parentElement.hidden = what.command !== 'load_recipe';
  d.reasonLabel.textContent = what.command === 'acknowledge' ? 'Comment (optional)'
    : REASON_REQUIRED.has(what.command) ? 'Reason (required)' : 'Reason (optional)';
  d.summary.textContent = what.summary || '';
  d.summary.hidden = !what.summary;
  d.reason.value = '';
  d.reason.required = REASON_REQUIRED.has(what.command);
  d.result.hidden = true;
  d.result.className = 'message';
  d.send.hidden = false;
  d.send.disabled = false;
  d.cancel.textContent = 'Cancel';
  d.root.dataset.command = what.command;
  d.root.showModal();
  const refusal = staleRefusal(what.furnace);
  if (refusal) {
    show(d, { ok: false, text: refusal });
    d.send.disabled = true;
  } else if (what.command === 'load_recipe') {
    offerRecipes(d, what.furnace);
  } else {
    d.reason.focus();
  }
}

/**
 * The recipes to choose from: the approved versions of the HMI's recipe store, and for engineers also the controller's
 * own file library (for commissioning; the HMI refuses it to operators). Those that cannot run on this furnace are
 * shown disabled with the reason; the one loaded now is marked.
 */
async function offerRecipes(d, furnace) {
  d.send.disabled = true;
  d.recipe.replaceChildren(element('option', null, 'Asking for the recipes…'));
  let approved;
  let library;
  let facts;
  let role;
  try {
    [approved, library, facts, { role }] = await Promise.all([getJson('/api/v1/recipes/approved'),
      recipeLibraryOf(furnace), controllerOf(furnace), currentSession()]);
  } catch (error) {
    show(d, { ok: false, text: 'The recipes could not be read (' + error.message + ').' });
    return;
  }
  const loadedSha = library.loaded.sha256;
  const store = element('optgroup');
  store.label = 'Approved versions (recipe store)';
  store.append(...approved.map((v) => storeOption(v, facts.variant, loadedSha)));
  const groups = [store];
  if (role !== 'operator') {
    const files = element('optgroup');
    files.label = 'Controller\'s library (commissioning)';
    files.append(...library.available.map((r) => fileOption(r, loadedSha)));
    groups.push(files);
  }
  d.recipe.replaceChildren(...groups);
  const first = [...d.recipe.querySelectorAll('option')].find((o) => !o.disabled);
  if (first === undefined) {
    show(d, { ok: false, text: 'No approved recipe version can run on furnace ' + furnace + ' (a ' + facts.variant
      + ' furnace). An engineer writes one and another approves it on the Recipes screen.' });
    return;
  }
  d.recipe.value = first.value;
  d.send.disabled = false;
  d.recipe.focus();
}

function storeOption(v, variant, loadedSha) {
  const fits = v.furnace === variant;
  const option = element('option', null, v.recipe + ' v' + v.version + ' – approved by ' + v.approved_by
    + (fits ? '' : ' – cannot run: a ' + v.furnace + ' recipe on a ' + variant + ' furnace')
    + (v.sha256 === loadedSha ? ' (loaded now)' : ''));
  option.value = 'store:' + v.recipe + ':' + v.version;
  option.disabled = !fits;
  option.title = v.comment + ' (sha256 ' + v.sha256 + ')';
  return option;
}

function fileOption(r, loadedSha) {
  const option = element('option', null, r.runnable ? r.name + ' – ' + r.file
    + (r.sha256 === loadedSha ? ' (loaded now)' : '') : r.file + ' – cannot run: ' + r.problem.split('\n')[0]);
  option.value = 'file:' + r.file;
  option.disabled = !r.runnable;
  option.title = r.problem;
  return option;
}

/** Why a command to the furnace cannot be sent now, or null. */
function staleRefusal(furnace) {
  const live = liveFor(furnace);
  if (!live.stale) {
    return null;
  }
  return 'Not sent: no live data from ' + furnace + ' since '
    + (live.staleSince === null ? 'this page opened' : clock(live.staleSince)) + ' (' + live.staleReason
    + '). Nothing is kept to send later.';
}

async function send(d) {
  const what = request;
  const reason = d.reason.value.trim();
  if (d.reason.required && reason === '') {
    show(d, { ok: false, text: 'A reason is required to ' + WHAT[what.command].toLowerCase() + '. Nothing was sent.' });
    d.reason.focus();
    return;
  }
  const refusal = staleRefusal(what.furnace);
  if (refusal) {
    show(d, { ok: false, text: refusal });
    return;
  }
  const body = { command: what.command, ...(what.fields || {}) };
  if (reason !== '') {
    // the controller takes no empty reason: none given is no field
    body.reason = reason;
  }
  if (what.alarm) {
    body.alarm = what.alarm;
  }
  if (what.command === 'load_recipe') {
    const [kind, ...rest] = d.recipe.value.split(':');
    if (kind === 'store') {
      body.store_recipe = rest[0];
      body.version = Number(rest[1]);
    } else {
      body.recipe = rest.join(':');
    }
  }
  if (what.command === 'shelve') {
    body.mode = 'timed';
    body.duration_min = Number(d.duration.value);
  }
  d.send.disabled = true;
  show(d, { ok: true, text: 'Sending…' });
  const outcome = await post(what.furnace, body);
  show(d, outcome);
  if (outcome.ok) {
    d.send.hidden = true;
    d.cancel.textContent = 'Close';
  } else {
    d.send.disabled = false;
  }
  if (what.onAnswer) {
    what.onAnswer(outcome);
  }
}

async function post(furnace, body) {
  let response;
  try {
    const { csrf_token: csrf } = await currentSession();
    response = await fetch('/api/v1/furnaces/' + encodeURIComponent(furnace) + '/commands', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf },
      body: JSON.stringify(body),
    });
  } catch (error) {
    return { ok: false,
      text: 'The HMI did not answer (' + error.message + '); look at the furnace before trying again.' };
  }
  if (response.status === 401) {
    location.assign('/login?next=' + encodeURIComponent(location.pathname) + '&ended=1');
  }
  let answer = null;
  try {
    answer = await response.json();
  } catch (error) {
    answer = null;
  }
  return outcome(response.status, answer);
}

/** The answer in words: the controller's detail verbatim for an applied or refused command. */
function outcome(status, answer) {
  if (status === 200) {
    return { ok: true, text: 'Applied: ' + (answer && answer.detail ? answer.detail : 'done') };
  }
  if (status === 409) {
    return { ok: false, text: 'Refused by the controller: ' + (answer ? answer.detail : '') };
  }
  const why = (answer && (answer.reason || answer.error || answer.detail)) || 'HTTP ' + status;
  if (status === 503) {
    return { ok: false, text: 'Not sent: ' + why };
  }
  return { ok: false, text: 'Not applied (HTTP ' + status + '): ' + why };
}

function show(d, outcome) {
  d.result.textContent = outcome.text;
  d.result.hidden = false;
  d.result.classList.toggle('refused', !outcome.ok);
}

function dialogElement() {
  if (dialog !== null) {
    return dialog;
  }
  const root = element('dialog', 'command-dialog');
  root.id = 'command-dialog';
  const form = element('form');
  form.method = 'dialog';
  const title = element('h2');
  title.id = 'command-title';
  root.setAttribute('aria-labelledby', title.id);
  const summary = element('p', 'summary');
  summary.id = 'command-summary';
  const durationLabel = element('label', null, 'Shelve for ');
  const duration = element('select');
  duration.id = 'command-duration';
  for (const minutes of SHELVE_MINUTES) {
    const option = element('option', null, minutes + ' min');
    option.value = String(minutes);
    duration.append(option);
  }
  durationLabel.append(duration);
  const recipeLabel = element('label', null, 'Recipe ');
  const recipe = element('select');
  recipe.id = 'command-recipe';
  recipeLabel.append(recipe);
  const reasonLabel = element('label');
  reasonLabel.htmlFor = 'command-reason';
  const reason = element('input');
  reason.id = 'command-reason';
  reason.type = 'text';
  reason.maxLength = 500;
  reason.autocomplete = 'off';
  const result = element('p', 'message');
  result.id = 'command-result';
  result.setAttribute('role', 'status');
  const sendButton = element('button', 'send', 'Send');
  sendButton.type = 'button';
  sendButton.id = 'command-send';
  const cancel = element('button', null, 'Cancel');
  cancel.type = 'button';
  cancel.id = 'command-cancel';
  const buttons = element('div', 'buttons');
  buttons.append(sendButton, cancel);
  form.append(title, summary, recipeLabel, durationLabel, reasonLabel, reason, result, buttons);
  root.append(form);
  document.body.append(root);
  dialog = { root, title, summary, recipe, duration, reasonLabel, reason, result, send: sendButton, cancel };
  sendButton.addEventListener('click', () => sendFrom(dialog));
  cancel.addEventListener('click', () => root.close());
  form.addEventListener('submit', (event) => {
    // Enter in the reason field sends, as the Send button does
    event.preventDefault();
    if (!sendButton.hidden && !sendButton.disabled) {
      sendFrom(dialog);
    }
  });
  return dialog;
}

function sendFrom(d) {
  send(d).catch((error) => show(d, { ok: false, text: 'Not sent: ' + error.message }));
}
