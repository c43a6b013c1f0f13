// The furnace screen (level 2): the mimic of its furnace type with values and device states, the run and the recipe's
// progress (step, step time, time left, holdback), the key values as analog bars, the interlocks with the first-out,
// and run control through the confirmation dialog.
import { liveFor } from './live.js';
import { catalogueOf, trackRecipe } from './catalogue.js';
import { duration, element } from './format.js';
import { fillValues, showValue } from './values.js';
import { barsIn, KEY_VALUES, MORE_VALUES } from './bars.js';
import { confirmCommand } from './commands.js';
import { priorityMark } from './alarmview.js';
import { stepText, timeLeftText } from './step.js';
import { showMimic } from './mimic.js';

const root = document.getElementById('furnace');
const furnace = root.dataset.furnace;
const live = liveFor(furnace);
const message = document.getElementById('command-message');

document.getElementById('run-control').addEventListener('click', (event) => {
  const button = event.target.closest('button[data-command]');
  if (!button) {
    return;
  }
  confirmCommand({
    furnace,
    command: button.dataset.command,
    onAnswer: (outcome) => {
      message.textContent = button.textContent + ': ' + outcome.text;
      message.hidden = false;
      message.classList.toggle('refused', !outcome.ok);
    },
  });
});

start();

async function start() {
  const panel = document.getElementById('mimic-panel');
  showMimic(panel, furnace).catch((error) => panel.replaceChildren(element('p', 'message',
    'The mimic could not be loaded: ' + error.message)));
  const catalogue = await catalogueOf(furnace);
  const updateBars = barsIn(document.getElementById('key-values'), KEY_VALUES.concat(MORE_VALUES), catalogue);
  let recipe = null;
  trackRecipe(furnace, (loaded) => {
    recipe = loaded;
  });
  live.subscribe(() => {
    fillValues(root, live, catalogue);
    showStep(recipe);
    showDevices();
    showInterlocks();
    updateBars(live);
  });
}

/** Step "3 of 9: heat-up", its time and time left as h:mm:ss, and the recipe's steps with the one running marked. */
function showStep(recipe) {
  const number = live.value('step_number');
  showValue(document.getElementById('step'), stepText(live, recipe), undefined, live.stale);
  showValue(document.getElementById('step-time'), duration(live.value('step_time_s')), undefined, live.stale);
  showValue(document.getElementById('step-left'), timeLeftText(live, recipe), undefined, live.stale);
  const list = document.getElementById('steps');
  if (recipe && list.dataset.sha256 !== recipe.sha256) {
    list.dataset.sha256 = recipe.sha256;
    list.replaceChildren(...recipe.steps.map((s) => {
      const item = element('li', null, s.name + ' (' + s.type + ')');
      item.dataset.step = s.number;
      return item;
    }));
  }
  for (const item of list.children) {
    const n = Number(item.dataset.step);
    item.classList.toggle('done', n < number);
    item.classList.toggle('current', n === number);
  }
  list.classList.toggle('stale', live.stale);
}

/** Valves and pumps: filled when open or running, hollow when not; dashed while the command and feedback differ. */
function showDevices() {
  for (const symbol of root.querySelectorAll('[data-state]')) {
    const state = live.value(symbol.dataset.state);
    symbol.classList.toggle('on', state === true);
    symbol.classList.toggle('stale', live.stale || live.quality(symbol.dataset.state) === 'stale');
    if (symbol.dataset.cmd) {
      const command = live.value(symbol.dataset.cmd);
      symbol.classList.toggle('travel', typeof state === 'boolean' && typeof command === 'boolean'
        && state !== command);
    }
  }
  for (const symbol of root.querySelectorAll('.sym:not([data-state])')) {
    // a symbol drawn from an analog value (the throttle) is as stale as the furnace's data
    symbol.classList.toggle('stale', live.stale);
  }
  for (const moving of root.querySelectorAll('[data-move]')) {
    // 1 mm of coil travel is 1 unit of the mimic's drawing, upwards
    const position = live.value(moving.dataset.move);
    if (typeof position === 'number') {
      moving.setAttribute('transform', 'translate(0 ' + (-position).toFixed(1) + ')');
    }
    moving.classList.toggle('stale', live.stale);
  }
}

/** The active interlock rows, the first-out marked, with bypasses; the start permissives that are missing. */
let shownSafety = null;

function showInterlocks() {
  const safety = live.snapshot ? live.snapshot.safety : null;
  const rows = document.getElementById('interlocks');
  const permissives = document.getElementById('permissives');
  rows.classList.toggle('stale', live.stale);
  permissives.classList.toggle('stale', live.stale);
  if (!safety || safety === shownSafety) {
    return;
  }
  shownSafety = safety;
  const items = safety.active.map((row) => {
    const item = element('li', 'interlock');
    item.dataset.row = row;
    item.append(priorityMark('urgent'), ' ' + row.replaceAll('_', ' '));
    if (row === safety.first_out) {
      item.append(' ', element('strong', 'first-out', 'FIRST OUT'));
    }
    return item;
  });
  for (const [row, seconds] of Object.entries(safety.bypass_s_left)) {
    const item = element('li', 'bypass', row.replaceAll('_', ' ') + ' bypassed, ' + duration(seconds) + ' left');
    items.push(item);
  }
  if (items.length === 0) {
    items.push(element('li', 'none', 'none active'));
  }
  rows.replaceChildren(...items);
  permissives.replaceChildren(...(safety.missing_permissives.length === 0 ? [element('li', 'none', 'none')]
    : safety.missing_permissives.map((p) => element('li', null, p.replaceAll('_', ' ')))));
}
