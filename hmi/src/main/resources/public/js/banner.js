// The alarm banner on every screen: active and unacknowledged alarms by priority across the screen's scope (one
// furnace or the fleet), the newest unacknowledged alarm with its furnace, and a notice for every furnace whose data
// is not live. The whole banner links to the alarm table of its scope.
import { getJson } from './api.js';
import { liveFor, scopeOf } from './live.js';
import { journalFor, keepUp } from './journal.js';
import { clock, element } from './format.js';
import { countAlarms, countsElement, emptyCounts, priorityMark, rank, unacknowledged } from './alarmview.js';

const banner = document.getElementById('alarm-banner');
const KEEP_ALIVE_MS = 60000;

// Screens are watched more than clicked: a request a minute keeps the session from ending idle while one is open
// (its maximum age still ends it, docs/hmi.md), and takes the page to the login once it has ended.
setInterval(() => getJson('/api/v1/session').catch(() => {}), KEEP_ALIVE_MS);

if (banner) {
  start().catch((error) => {
    banner.textContent = 'Alarm banner unavailable: ' + error.message;
  });
}

async function start() {
  const furnaces = await scopeOf(banner);
  const single = banner.dataset.furnace;
  const link = element('a', 'banner-link');
  link.href = single ? '/furnace/' + encodeURIComponent(single) + '/alarms' : '/alarms';
  const notices = element('div', 'stale-notices');
  banner.replaceChildren(link, notices);
  if (furnaces.length === 0) {
    link.textContent = 'No furnace is configured for this HMI (controllers: in its configuration).';
    return;
  }
  let shown = '';
  const render = () => {
    const view = summary(furnaces);
    if (view.key !== shown) {
      shown = view.key;
      draw(link, notices, view);
    }
  };
  for (const furnace of furnaces) {
    journalFor(furnace).subscribe(render);
    const live = liveFor(furnace);
    live.subscribe(render);
    keepUp(live);
  }
}

function summary(furnaces) {
  const counts = emptyCounts();
  let newest = null;
  const stale = [];
  for (const furnace of furnaces) {
    const live = liveFor(furnace);
    if (live.stale) {
      stale.push({ furnace, since: live.staleSince, reason: live.staleReason });
    }
    if (!live.snapshot) {
      continue;
    }
    const notNormal = live.snapshot.alarms.not_normal;
    countAlarms(notNormal, counts);
    const journal = journalFor(furnace);
    for (const [alarm, state] of Object.entries(notNormal)) {
      if (!unacknowledged(state.state)) {
        continue;
      }
      const entry = journal.entry(alarm);
      const candidate = { furnace, alarm, priority: state.priority, entry };
      if (newest === null || newer(candidate, newest)) {
        newest = candidate;
      }
    }
  }
  const key = JSON.stringify([counts, newest && [newest.furnace, newest.alarm, newest.entry && newest.entry.seq],
    stale.map((s) => [s.furnace, s.since, s.reason])]);
  return { counts, newest, stale, key };
}

/** The newer of two unacknowledged alarms by their journal time; unknown times count as older, then by priority. */
function newer(a, b) {
  const ta = a.entry ? Date.parse(a.entry.time) : -Infinity;
  const tb = b.entry ? Date.parse(b.entry.time) : -Infinity;
  return ta !== tb ? ta > tb : rank(a.priority) < rank(b.priority);
}

function draw(link, notices, view) {
  const counts = countsElement(view.counts);
  if (view.stale.length > 0) {
    counts.classList.add('stale');
    counts.title = 'not live: counts as last received';
  }
  const newest = element('span', 'newest' + (view.stale.length > 0 ? ' stale' : ''));
  if (view.newest === null) {
    newest.textContent = 'No unacknowledged alarm';
  } else {
    const n = view.newest;
    newest.classList.add('has-alarm');
    newest.dataset.alarm = n.alarm;
    newest.dataset.furnace = n.furnace;
    newest.append('Newest unacknowledged: ', priorityMark(n.priority), ' ', element('strong', 'alarm-id', n.alarm),
      ' ' + (n.entry ? n.entry.text : '') + ' — ' + n.furnace + (n.entry ? ' at ' + clock(n.entry.time) : ''));
  }
  link.replaceChildren(element('span', 'banner-title', 'Alarms'), counts, newest);
  notices.replaceChildren(...view.stale.map((s) => {
    const notice = element('p', 'stale-notice', 'No live data from ' + s.furnace + ' since '
      + (s.since === null ? 'this page opened' : clock(s.since)) + ' (' + s.reason + ')');
    notice.dataset.furnace = s.furnace;
    return notice;
  }));
}
