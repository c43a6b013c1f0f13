// The alarm screens (one furnace's, or the fleet's): the table of alarms not normal, filtered by priority and state,
// sorted by priority or time, 100 rows to a page; Acknowledge (with a comment), Shelve (for a chosen time, with a reason), Unshelve, each
// through the confirmation dialog. Drawn again only when alarms, the journal or the filters change, at most 4 times a
// second, so that hundreds of alarms stay cheap.
import { liveFor, scopeOf } from './live.js';
import { journalFor, keepUp } from './journal.js';
import { pageOf, renderRows, tableRows } from './alarmtable.js';
import { confirmCommand } from './commands.js';

const MIN_REDRAW_MS = 250;
const root = document.getElementById('alarms');
const form = document.getElementById('alarm-filters');
const tbody = document.querySelector('#alarm-table tbody');
const count = document.getElementById('alarm-count');
const pager = document.getElementById('alarm-pager');
let page = 0;

tbody.addEventListener('click', (event) => {
  const button = event.target.closest('button[data-action]');
  if (!button) {
    return;
  }
  const row = button.closest('tr');
  confirmCommand({ furnace: row.dataset.furnace, command: button.dataset.action, alarm: row.dataset.alarm });
});

start();

async function start() {
  const furnaces = await scopeOf(root);
  const drawn = new Map();
  let timer = null;
  let last = 0;
  const schedule = () => {
    if (timer === null) {
      timer = setTimeout(() => {
        timer = null;
        last = Date.now();
        draw(furnaces);
      }, Math.max(0, last + MIN_REDRAW_MS - Date.now()));
    }
  };
  const changed = (live) => {
    // only a new alarm board or a change of staleness is worth drawing again
    const seen = drawn.get(live.furnace);
    const now = [live.snapshot && live.snapshot.alarms, live.stale];
    if (!seen || seen[0] !== now[0] || seen[1] !== now[1]) {
      drawn.set(live.furnace, now);
      schedule();
    }
  };
  form.addEventListener('change', () => {
    page = 0;
    schedule();
  });
  pager.addEventListener('click', (event) => {
    const button = event.target.closest('button[data-page]');
    if (button) {
      page += button.dataset.page === 'next' ? 1 : -1;
      schedule();
    }
  });
  for (const furnace of furnaces) {
    journalFor(furnace).subscribe(schedule);
    const live = liveFor(furnace);
    live.subscribe(changed);
    keepUp(live);
  }
  schedule();
}

function draw(furnaces) {
  const sources = [];
  let total = 0;
  for (const furnace of furnaces) {
    const live = liveFor(furnace);
    if (!live.snapshot) {
      continue;
    }
    const notNormal = live.snapshot.alarms.not_normal;
    total += Object.keys(notNormal).length;
    sources.push({ furnace, notNormal, journal: journalFor(furnace), stale: live.stale });
  }
  const data = new FormData(form);
  const rows = tableRows(sources, {
    priorities: new Set(data.getAll('priority')),
    state: data.get('state'),
    sort: data.get('sort'),
  });
  const shown = pageOf(rows, page);
  page = shown.page;
  renderRows(tbody, shown.rows);
  count.textContent = total + ' alarm' + (total === 1 ? '' : 's') + ' not normal, ' + rows.length + ' shown'
    + (shown.pages > 1 ? ', rows ' + shown.first + '–' + shown.last : '');
  pager.hidden = shown.pages === 1;
  pager.querySelector('[data-page=previous]').disabled = shown.page === 0;
  pager.querySelector('[data-page=next]').disabled = shown.page === shown.pages - 1;
}
