// The Audit screen: the HMI's and the furnaces' audit trails, filtered by source, user, action and time, newest
// first a page at a time; each source's chain state (verified, or where it breaks, in alarm colour); each record's
// reason and what it changed, key by key; and the selection's CSV export, which the server builds and audits.
import { getJson } from './api.js';
import { dateTime, element } from './format.js';

const PAGE = 100;
const form = document.getElementById('audit-filters');
const chains = document.getElementById('audit-chains');
const count = document.getElementById('audit-count');
const tbody = document.querySelector('#audit-table tbody');
const exportLink = document.getElementById('audit-export');
const pager = document.getElementById('audit-pager');
// the cursors of the pages shown before this one, for "Newer"; the current page's cursor last
const cursors = [null];
let next = null;

form.addEventListener('submit', (event) => {
  event.preventDefault();
  cursors.length = 1;
  load();
});
form.addEventListener('change', () => {
  exportLink.href = '/api/v1/audit/export.csv?' + filters().toString();
});
pager.addEventListener('click', (event) => {
  const button = event.target.closest('button[data-page]');
  if (!button) {
    return;
  }
  if (button.dataset.page === 'newest') {
    cursors.length = 1;
  } else if (button.dataset.page === 'newer' && cursors.length > 1) {
    cursors.pop();
  } else if (button.dataset.page === 'older' && next !== null) {
    cursors.push(next);
  }
  load();
});
load();

/** The filters of the form as query parameters; times typed in UTC. */
function filters() {
  const params = new URLSearchParams();
  const data = new FormData(form);
  for (const name of ['source', 'user', 'action']) {
    if (data.get(name)) {
      params.set(name, data.get(name));
    }
  }
  for (const name of ['from', 'to']) {
    const value = data.get(name);
    if (value) {
      params.set(name, (value.length === 16 ? value + ':00' : value) + 'Z');
    }
  }
  return params;
}

async function load() {
  const params = filters();
  exportLink.href = '/api/v1/audit/export.csv?' + params.toString();
  params.set('limit', String(PAGE));
  const cursor = cursors[cursors.length - 1];
  if (cursor !== null) {
    params.set('before', cursor);
  }
  count.textContent = 'Reading the trails…';
  let answer;
  try {
    answer = await getJson('/api/v1/audit?' + params.toString());
  } catch (e) {
    count.textContent = 'Not shown: ' + e.message;
    return;
  }
  next = answer.next_before;
  choices(form.elements.user, answer.users, 'every user');
  choices(form.elements.action, answer.actions, 'every action');
  drawChains(answer.sources);
  tbody.replaceChildren(...answer.entries.map(row));
  const first = (cursors.length - 1) * PAGE;
  count.textContent = answer.matched + (answer.matched === 1 ? ' record matches' : ' records match')
      + (answer.entries.length === 0 ? '.' : '; showing ' + (first + 1) + '–' + (first + answer.entries.length)
      + ', newest first.');
  pager.querySelector('[data-page=newest]').disabled = cursors.length === 1;
  pager.querySelector('[data-page=newer]').disabled = cursors.length === 1;
  pager.querySelector('[data-page=older]').disabled = next === null;
}

/** A select's options: the first for "any", then the names the trails hold; the choice kept. */
function choices(select, names, any) {
  const chosen = select.value;
  const options = [new Option(any, '')];
  for (const name of names) {
    options.push(new Option(name, name));
  }
  if (chosen && !names.includes(chosen)) {
    options.push(new Option(chosen, chosen));
  }
  select.replaceChildren(...options);
  select.value = chosen;
}

function drawChains(sources) {
  chains.replaceChildren(...sources.map((source) => {
    const label = source.source === 'hmi' ? 'the HMI' : 'furnace ' + source.source;
    const li = element('li', 'chain', '');
    li.dataset.source = source.source;
    if (source.error) {
      li.classList.add('abnormal');
      li.textContent = label + ': not available: ' + source.error;
      return li;
    }
    const chain = source.chain;
    if (chain.problem) {
      const p = chain.problem;
      li.classList.add('broken');
      li.textContent = label + ': BROKEN at record ' + (p.seq === null ? '(unreadable)' : p.seq) + ': ' + p.what
          + ' (' + p.file + ' line ' + p.line + '); verified: ' + chain.verified + ' of ' + chain.records
          + ' records';
    } else if (chain.records === 0) {
      li.textContent = label + ': no records yet';
    } else {
      li.textContent = label + ': verified: ' + chain.verified + ' records, head ' + chain.head_hash.slice(0, 12)
          + ' (seq ' + chain.head_seq + ')';
    }
    return li;
  }));
}

function row(entry) {
  const tr = element('tr', entry.verified ? 'audit-row' : 'audit-row unverified');
  tr.dataset.source = entry.source;
  tr.dataset.seq = entry.seq;
  tr.append(element('td', 'time', dateTime(entry.time)), element('td', 'source', entry.source),
      element('td', 'user', entry.user), element('td', 'role', entry.role), element('td', 'action', entry.action),
      element('td', 'reason', entry.reason), changes(entry), outcome(entry));
  if (!entry.verified) {
    tr.title = 'not verified: at or after the record where the chain breaks';
  }
  return tr;
}

/** What the action changed, key by key: "state: running → held"; a refusal shows the values it left as they were. */
function changes(entry) {
  const td = element('td', 'changes');
  const before = entry.before || {};
  const after = entry.after;
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after || {})])].sort();
  for (const key of keys) {
    if (after === null) {
      td.append(element('div', 'change unchanged', key + ': ' + text(before[key])));
    } else if (JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null)) {
      td.append(element('div', 'change', key + ': ' + text(before[key]) + ' → ' + text(after[key])));
    }
  }
  if (td.childElementCount === 0) {
    td.textContent = after === null && entry.before === null ? '' : 'no change';
  }
  return td;
}

function text(value) {
  if (value === undefined || value === null) {
    return '–';
  }
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function outcome(entry) {
  const td = element('td', 'outcome ' + entry.outcome, entry.outcome);
  if (entry.detail) {
    td.append(element('div', 'muted', entry.detail));
  }
  return td;
}
