// A furnace's trends: history from its controller (min, max and last per interval, as many intervals as the chart is
// wide), then the live values appended at the stream's rate. A range button reloads that much history up to now; a
// drag across the chart zooms: the history of the selected range is loaded at full width and live appending pauses
// until a range is chosen again. Times are the furnace's (UTC); at a simulator's speed they run ahead of the clock.
import uPlot from '/static/vendor/uplot/dist/uPlot.esm.js';
import { liveFor } from './live.js';
import { catalogueOf } from './catalogue.js';
import { getJson } from './api.js';
import { clock, dateTime, decade, decades, element, withUnit } from './format.js';
import { showValue } from './values.js';

const PENS = [
  { name: 'pyro_top_c', label: 'Seed', scale: '°C', colour: '#1f4e79', band: true },
  { name: 'seed_sp_c', label: 'Seed SP', scale: '°C', colour: '#1f4e79', dash: [6, 4] },
  { name: 'pyro_bottom_c', label: 'Source', scale: '°C', colour: '#8a4b08', band: true },
  { name: 'source_sp_c', label: 'Source SP', scale: '°C', colour: '#8a4b08', dash: [6, 4] },
  { name: 'pressure_mbar', label: 'Pressure', scale: 'mbar', colour: '#2d6a2d', band: true },
  { name: 'pressure_sp_mbar', label: 'Pressure SP', scale: 'mbar', colour: '#2d6a2d', dash: [6, 4] },
  { name: 'ps1_power_kw', label: 'Power', scale: 'kW', colour: '#5b3f8c', band: true },
  // the heater's demand: the temperature loop's output in temperature mode, the recipe's power in power mode
  { name: 'power_demand_kw', label: 'Power demand', scale: 'kW', colour: '#5b3f8c', dash: [6, 4] },
];
const HISTORY_REACH_S = 8 * 24 * 3600;
const HEIGHT = 460;
const MIN_GAP_PX = 6;

const root = document.getElementById('trends');
const furnace = root.dataset.furnace;
const chartBox = document.getElementById('chart');
const status = document.getElementById('trend-status');
const live = liveFor(furnace);

// the series' places in the data: x first, then each pen's last value, and min and max for the banded ones
const columns = [];
for (const pen of PENS) {
  pen.last = columns.push({ pen, part: 'last' });
  if (pen.band) {
    pen.min = columns.push({ pen, part: 'min' });
    pen.max = columns.push({ pen, part: 'max' });
  }
}

let plot = null;
let data = emptyData();
let view = { mode: 'live', seconds: 3600 };
let loading = 0;
let lastScan = null;

start();

async function start() {
  const catalogue = await catalogueOf(furnace);
  plot = new uPlot(options(), data, chartBox);
  const legend = legendElement(catalogue);
  window.addEventListener('resize', () => plot.setSize(size()));
  document.getElementById('ranges').addEventListener('click', (event) => {
    const button = event.target.closest('button[data-range]');
    if (button) {
      const range = button.dataset.range;
      view = range === 'run' ? { mode: 'run' } : { mode: 'live', seconds: Number(range) };
      load();
    }
  });
  let loaded = false;
  live.subscribe(() => {
    legend(live);
    if (!loaded && live.snapshot && !live.stale) {
      loaded = true;
      load();
    } else if (loading === 0 && view.mode !== 'zoom') {
      append();
    }
    showStatus();
  });
}

function emptyData() {
  return [[], ...columns.map(() => [])];
}

function size() {
  return { width: Math.max(320, chartBox.clientWidth), height: HEIGHT };
}

function options() {
  const series = [{}];
  const bands = [];
  for (const column of columns) {
    const pen = column.pen;
    const last = column.part === 'last';
    series.push({
      label: pen.label + (last ? '' : ' ' + column.part),
      scale: pen.scale,
      stroke: last ? pen.colour : 'transparent',
      width: last ? 1.5 : 0,
      dash: pen.dash,
      points: { show: false },
      gaps: visibleGaps,
    });
  }
  for (const pen of PENS.filter((p) => p.band)) {
    bands.push({ series: [pen.max, pen.min], fill: pen.colour + '30' });
  }
  return {
    ...size(),
    tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
    series,
    bands,
    legend: { show: false },
    cursor: { drag: { x: true, y: false, setScale: false } },
    // pressure on a fixed logarithmic scale from high vacuum to atmosphere, so that ranges compare at a glance
    scales: { x: { time: true }, mbar: { distr: 3, range: [1e-6, 2e3] } },
    axes: [
      { stroke: '#333', grid: { stroke: '#c4c4c4' }, values: timeLabels },
      { scale: '°C', label: '°C', stroke: '#333', grid: { stroke: '#c4c4c4' } },
      { scale: 'mbar', label: 'mbar', side: 1, stroke: '#333', grid: { show: false }, splits: decades,
        values: (u, ticks) => ticks.map(decade) },
      { scale: 'kW', label: 'kW', side: 1, stroke: '#333', grid: { show: false } },
    ],
    hooks: { setSelect: [zoomTo], draw: [markDrawn] },
  };
}

/**
 * The number of points drawn, on the chart's element after every draw: the data attributes load() sets come before
 * uPlot draws (it draws in a microtask), so a test or benchmark that must know the chart drawn waits for this one.
 */
function markDrawn(u) {
  chartBox.dataset.drawn = String(u.data[0].length);
}

/**
 * Gaps in the data are drawn as gaps when they are wide enough to see; narrower ones (a controller that fell behind
 * at a simulator's speed records no value for a few furnace seconds) are bridged.
 */
function visibleGaps(u, seriesIndex, first, last, gaps) {
  const least = MIN_GAP_PX * devicePixelRatio;
  return gaps.filter(([from, to]) => to - from >= least);
}

/** Time ticks in 24-hour UTC, with seconds on short spans and the date under the first. */
function timeLabels(u, ticks) {
  const span = ticks.length > 1 ? ticks[ticks.length - 1] - ticks[0] : 0;
  return ticks.map((t, i) => {
    const text = new Date(t * 1000).toISOString();
    const time = span < 600 ? text.slice(11, 19) : text.slice(11, 16);
    return i === 0 ? time + '\n' + text.slice(0, 10) : time;
  });
}

/** Loads the history of the current view and draws it. */
async function load() {
  const token = ++loading;
  const now = live.snapshot ? Date.parse(live.snapshot.time) / 1000 : Date.now() / 1000;
  let from;
  let to = now;
  if (view.mode === 'live') {
    from = now - view.seconds;
  } else if (view.mode === 'run') {
    from = await runStart(now);
  } else {
    from = view.from;
    to = view.to;
  }
  status.textContent = 'Loading…';
  try {
    const history = await getJson(historyUrl(from, to));
    if (token !== loading) {
      return; // a newer request replaced this one
    }
    data = historyData(history);
    view.loadedFrom = from;
    view.loadedTo = to;
    view.bucket = history.bucket_s;
    plot.setData(data);
    lastScan = null;
  } catch (error) {
    status.textContent = 'History not available: ' + error.message;
  } finally {
    if (token === loading) {
      loading = 0;
    }
  }
  chartBox.dataset.from = new Date(from * 1000).toISOString();
  chartBox.dataset.to = new Date(to * 1000).toISOString();
  chartBox.dataset.mode = view.mode;
  showStatus();
}

/**
 * When the run started: its first step's start among the controller's first events; failing that (a controller that
 * took a run up again after a restart, or whose oldest events are gone), the first second its history holds (at
 * most 8 days back).
 */
async function runStart(now) {
  const first = await getJson('/api/v1/furnaces/' + encodeURIComponent(furnace) + '/events?after=0&max=1000');
  const started = first.events.filter((e) => e.kind === 'program' && e.event === 'step_started' && e.step === 1);
  if (first.missed === 0 && started.length > 0) {
    return Date.parse(started[started.length - 1].time) / 1000;
  }
  const reach = await getJson(historyUrl(now - HISTORY_REACH_S, now));
  for (let i = 0; i < reach.t.length; i++) {
    if (PENS.some((pen) => reach.series[pen.name].last[i] !== null)) {
      return reach.t[i];
    }
  }
  return now - 3600;
}

function historyUrl(from, to) {
  const width = Math.max(100, Math.round(plot ? plot.bbox.width / devicePixelRatio : chartBox.clientWidth));
  return '/api/v1/furnaces/' + encodeURIComponent(furnace) + '/history?values='
    + PENS.map((p) => p.name).join(',') + '&from=' + iso(from) + '&to=' + iso(to) + '&width=' + width;
}

function iso(seconds) {
  return new Date(seconds * 1000).toISOString();
}

function historyData(history) {
  const d = [history.t.slice()];
  for (const column of columns) {
    d.push(history.series[column.pen.name][column.part].slice());
  }
  return d;
}

/** Appends the live values of a scan not seen yet; a live window drops what falls out of its range. */
function append() {
  if (!live.snapshot || live.stale || live.snapshot.scan === lastScan) {
    return;
  }
  lastScan = live.snapshot.scan;
  const t = Date.parse(live.snapshot.time) / 1000;
  if (data[0].length > 0 && t <= data[0][data[0].length - 1]) {
    return;
  }
  data[0].push(t);
  columns.forEach((column, i) => {
    const v = live.value(column.pen.name);
    data[i + 1].push(typeof v === 'number' ? v : null);
  });
  if (view.mode === 'live') {
    let drop = 0;
    while (drop < data[0].length && data[0][drop] < t - view.seconds) {
      drop++;
    }
    if (drop > 0) {
      data = data.map((series) => series.slice(drop));
    }
  }
  view.loadedTo = t;
  chartBox.dataset.last = new Date(t * 1000).toISOString();
  plot.setData(data);
}

/** A drag across the chart: load that range's history at full width; live appending pauses. */
function zoomTo(u) {
  if (u.select.width < 5) {
    return;
  }
  const from = u.posToVal(u.select.left, 'x');
  const to = u.posToVal(u.select.left + u.select.width, 'x');
  u.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
  view = { mode: 'zoom', from, to };
  load();
}

function showStatus() {
  if (loading !== 0) {
    return;
  }
  const range = view.loadedFrom === undefined ? ''
    : dateTime(view.loadedFrom * 1000) + ' to ' + clock(view.loadedTo * 1000);
  const mode = view.mode === 'zoom' ? 'zoomed, live paused: choose a range to follow live again'
    : live.stale ? 'no live data' : 'live';
  const text = range + (view.bucket ? ' (intervals of ' + view.bucket + ' s)' : '') + ' — ' + mode;
  if (status.textContent !== text) {
    status.textContent = text;
  }
  chartBox.dataset.points = String(data[0].length);
}

/** The pens with their current values; returns the function that updates them. */
function legendElement(catalogue) {
  const list = element('ul', 'trend-legend');
  list.id = 'trend-legend';
  const values = PENS.map((pen) => {
    const item = element('li');
    const swatch = element('span', 'swatch' + (pen.dash ? ' dashed' : ''));
    swatch.style.borderColor = pen.colour;
    const value = element('span', 'val');
    value.dataset.pen = pen.name;
    item.append(swatch, element('span', 'label', pen.label + ' '), value);
    list.append(item);
    return value;
  });
  chartBox.after(list);
  return (l) => PENS.forEach((pen, i) => {
    const signal = catalogue.get(pen.name);
    showValue(values[i], withUnit(l.value(pen.name), signal ? signal.unit : pen.scale), l.quality(pen.name), l.stale);
  });
}
