// The alarm table's rows: every alarm not normal of the furnaces in view, joined with its newest journal event (when it
// entered its state, its text), filtered and sorted; rendered in one document fragment. The buttons carry what they
// act on in data attributes, so one listener on the table serves every row.
import { dateTime, element } from './format.js';
import { priorityMark, rank, STATE_TEXT, unacknowledged } from './alarmview.js';

const STATE_FILTERS = {
  '': () => true,
  unack: (row) => unacknowledged(row.state),
  active: (row) => row.active,
  shelved: (row) => row.state === 'shelved',
  hidden: (row) => row.state === 'suppressed' || row.state === 'out_of_service',
};

/**
 * The rows of the table. sources: [{furnace, notNormal, journal, stale}]; filter: {priorities: Set, state, sort}
 * with sort 'priority' (then newest first) or 'time' (newest first).
 */
export function tableRows(sources, filter) {
  const rows = [];
  const stateFilter = STATE_FILTERS[filter.state] || STATE_FILTERS[''];
  for (const source of sources) {
    for (const [alarm, a] of Object.entries(source.notNormal)) {
      const row = { furnace: source.furnace, alarm, priority: a.priority, state: a.state, active: a.active,
        chattering: a.chattering, stale: source.stale, entry: source.journal.entry(alarm) };
      row.time = row.entry ? Date.parse(row.entry.time) : -Infinity;
      if (filter.priorities.has(row.priority) && stateFilter(row)) {
        rows.push(row);
      }
    }
  }
  const byTime = (a, b) => b.time - a.time || a.alarm.localeCompare(b.alarm);
  rows.sort(filter.sort === 'time' ? byTime : (a, b) => rank(a.priority) - rank(b.priority) || byTime(a, b));
  return rows;
}

const drawn = new WeakMap();

/** Rows drawn at once: a flood of alarms stays quick to draw (layout grows with the rows); the pager shows the rest. */
export const PAGE_ROWS = 100;

/** One page of the rows (0-based, kept within the pages there are), with where its rows lie among all of them. */
export function pageOf(rows, page, size = PAGE_ROWS) {
  const pages = Math.max(1, Math.ceil(rows.length / size));
  const index = Math.min(Math.max(0, page), pages - 1);
  return { rows: rows.slice(index * size, (index + 1) * size), page: index, pages,
    first: rows.length === 0 ? 0 : index * size + 1, last: Math.min(rows.length, (index + 1) * size) };
}

/**
 * Puts these rows into the table body, in one document fragment. A row whose alarm has not changed keeps its element,
 * so that a button being clicked is not replaced under the pointer while other alarms change; a body already showing
 * exactly these rows is left alone.
 */
export function renderRows(tbody, rows) {
  const before = drawn.get(tbody) || new Map();
  const now = new Map();
  const elements = rows.map((row) => {
    const key = row.furnace + '/' + row.alarm;
    const signature = [row.state, row.priority, row.active, row.chattering, row.stale, row.entry ? row.entry.seq : ''
    ].join('|');
    const kept = before.get(key);
    const tr = kept && kept.signature === signature ? kept.tr : rowElement(row);
    now.set(key, { tr, signature });
    return tr;
  });
  drawn.set(tbody, now);
  if (elements.length === tbody.children.length && elements.every((tr, i) => tr === tbody.children[i])) {
    return;
  }
  const fragment = document.createDocumentFragment();
  fragment.append(...elements);
  tbody.replaceChildren(fragment);
}

function rowElement(row) {
  const tr = element('tr', 'alarm-row state-' + row.state + (row.stale ? ' stale' : ''));
  tr.dataset.furnace = row.furnace;
  tr.dataset.alarm = row.alarm;
  tr.dataset.state = row.state;
  tr.dataset.priority = row.priority;
  const priority = element('td', 'priority');
  priority.append(priorityMark(row.priority), ' ' + row.priority);
  const furnace = element('td');
  const link = element('a', null, row.furnace);
  link.href = '/furnace/' + encodeURIComponent(row.furnace);
  furnace.append(link);
  const text = row.entry ? row.entry.text + (row.state === 'shelved' ? ' — ' + readableTimes(row.entry.detail) : '')
    : '…';
  tr.append(priority,
    element('td', 'state', (STATE_TEXT[row.state] || row.state) + (row.chattering ? ', chattering' : '')
      + (row.stale ? ' ?' : '')),
    element('td', 'time', row.entry ? dateTime(row.entry.time).replace(' UTC', '') : '…'),
    furnace,
    element('td', 'alarm-id', row.alarm),
    element('td', 'text', text),
    actions(row));
  return tr;
}

/** The controller's ISO times in a detail ("shelve until 2026-12-06T12:20:11.74Z") as the table shows times. */
function readableTimes(text) {
  return text.replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, (iso) => dateTime(iso));
}

function actions(row) {
  const td = element('td', 'actions');
  if (unacknowledged(row.state)) {
    td.append(button('acknowledge', 'Ack'));
  }
  if (row.state === 'shelved') {
    td.append(button('unshelve', 'Unshelve'));
  } else if (row.state !== 'out_of_service' && row.state !== 'suppressed' && row.priority !== 'urgent'
    && !row.alarm.startsWith('INTERLOCK_')) {
    // trips (INTERLOCK_*) and urgent alarms are never shelved; the controller refuses them, and whatever else it
    // will not shelve, in its own words
    td.append(button('shelve', 'Shelve'));
  }
  return td;
}

function button(action, text) {
  const b = element('button', null, text);
  b.type = 'button';
  b.dataset.action = action;
  return b;
}
