// The fleet screen (level 1): a tile per furnace with its link state, run state, step, step time and time left in the
// step, the key values as analog bars and its alarms by priority; each tile leads to the furnace's screen.
import { fleetNames, liveFor } from './live.js';
import { catalogueOf, trackRecipe } from './catalogue.js';
import { clock, duration, element } from './format.js';
import { showValue, valueText } from './values.js';
import { stepText, timeLeftText } from './step.js';
import { barsIn, KEY_VALUES } from './bars.js';
import { countAlarms, countsElement } from './alarmview.js';

const tiles = document.getElementById('tiles');

fleetNames().then((names) => {
  if (names.length === 0) {
    tiles.replaceChildren(element('p', 'message', 'No furnace is configured for this HMI (controllers: in its '
      + 'configuration).'));
    return;
  }
  tiles.replaceChildren(...names.map(tile));
}).catch((error) => tiles.replaceChildren(element('p', 'message', 'The fleet could not be read: ' + error.message)));

function tile(furnace) {
  const root = element('a', 'tile');
  root.href = '/furnace/' + encodeURIComponent(furnace);
  root.dataset.furnace = furnace;
  const connection = element('span', 'connection');
  const head = element('div', 'tile-head');
  head.append(element('span', 'tile-name', furnace), connection);
  const facts = element('dl', 'facts');
  const state = fact(facts, 'State', 'state');
  const step = fact(facts, 'Step', 'step');
  const stepTime = fact(facts, 'Step time', 'step-time');
  const timeLeft = fact(facts, 'Time left', 'time-left');
  const bars = element('div', 'key-values');
  const alarms = element('div', 'tile-alarms');
  root.append(head, facts, bars, alarms);

  let recipe = null;
  let shownAlarms = null;
  trackRecipe(furnace, (loaded) => {
    recipe = loaded;
  });
  catalogueOf(furnace).then((catalogue) => {
    const updateBars = barsIn(bars, KEY_VALUES, catalogue);
    liveFor(furnace).subscribe((live) => {
      showConnection(connection, live);
      const run = live.value('state');
      showValue(state, valueText(run) + holdReason(live), undefined, live.stale);
      state.classList.toggle('abnormal', run === 'held' || run === 'aborted');
      showValue(step, stepText(live, recipe), undefined, live.stale);
      showValue(stepTime, duration(live.value('step_time_s')), undefined, live.stale);
      showValue(timeLeft, timeLeftText(live, recipe), undefined, live.stale);
      updateBars(live);
      const board = live.snapshot ? live.snapshot.alarms : null;
      if (board !== shownAlarms) {
        shownAlarms = board;
        alarms.replaceChildren(element('span', 'muted', 'Alarms active '),
          countsElement(countAlarms(board ? board.not_normal : {}), true));
      }
      alarms.classList.toggle('stale', live.stale);
    });
  });
  return root;
}

function fact(list, label, name) {
  const value = element('dd', 'val');
  value.dataset.fact = name;
  list.append(element('dt', null, label), value);
  return value;
}

function holdReason(live) {
  const reason = live.value('hold_reason');
  return live.value('state') === 'held' && reason && reason !== 'none' ? ' (' + reason.replaceAll('_', ' ') + ')' : '';
}

function showConnection(connection, live) {
  const since = live.staleSince === null ? '—' : clock(live.staleSince);
  const text = live.stale ? 'NO LIVE DATA since ' + since : 'live';
  if (connection.textContent !== text) {
    connection.textContent = text;
  }
  connection.classList.toggle('lost', live.stale);
  connection.title = live.stale ? live.staleReason : 'data flows from the controller';
}
