// A run's report: facts, steps, charts of setpoints against values over the whole run, alarms and trips, the audit
// trail's interventions. It renders from the URLs its root element names, so that any source of a report can use it:
//   data-summary  the summary JSON (summary.json as the controller writes it; an "id" member is optional)
//   data-trend    the trend JSON (rows, columns, time_h, step, state, series.<column>.min/max/last)
//   data-audit    optional: the run's audit records ({intact, problem, entries})
//   data-reference-summary, data-reference-trend, data-reference-label: optional, a second run to compare with: its
//                 curves go dashed on the charts, its step durations beside this run's, and the first time the two
//                 runs part by more than PART_K on the seed or source temperature is marked.
// When everything is drawn (the next frame after) the root gets data-rendered="true" and data-rendered-ms, the time
// since the page's navigation (tests and the benchmark wait for it).
import uPlot from '/static/vendor/uplot/dist/uPlot.esm.js';
import { getJson } from './api.js';
import { dateTime, decade, decades, duration, element, number } from './format.js';

/**
 * The runs part where their seed or source temperatures, at the same furnace hour, differ by more than this: on a
 * 300 K/h ramp, a run 5 minutes behind the other (steps that waited a little longer) stays within it.
 */
export const PART_K = 25;
/** Wide enough to read, narrow enough for an A4 page's printable width (186 mm is about 700 CSS px). */
const CHART_WIDTH = 680;
const CHART_HEIGHT = 240;
const CHARTS = [
  { title: 'Seed temperature', unit: '°C', sp: 'seed_sp_c', pv: 'seed_c', colour: '#1f4e79' },
  { title: 'Source temperature', unit: '°C', sp: 'source_sp_c', pv: 'source_c', colour: '#8a4b08' },
  { title: 'Pressure', unit: 'mbar', sp: 'pressure_sp_mbar', pv: 'pressure_mbar', colour: '#2d6a2d', log: true },
  { title: 'Power, supply 1', unit: 'kW', sp: 'ps1_power_sp_kw', pv: 'ps1_power_kw', colour: '#5b3f8c' },
  { title: 'Power, supply 2', unit: 'kW', sp: 'ps2_power_sp_kw', pv: 'ps2_power_kw', colour: '#5b3f8c' },
];
const REFERENCE_COLOUR = '#6e6e6e';

const root = document.getElementById('run-report');
if (root) {
  renderReport(root).catch((error) => {
    document.getElementById('report-status').textContent = 'The report cannot be shown: ' + error.message;
  });
}

/** Fetches the documents the root names and fills the report's skeleton. */
export async function renderReport(report) {
  const status = document.getElementById('report-status');
  document.getElementById('print-report').addEventListener('click', () => window.print());
  const d = report.dataset;
  const [summary, trend, audit, reference] = await Promise.all([
    getJson(d.summary), getJson(d.trend), d.audit ? getJson(d.audit) : Promise.resolve(null),
    d.referenceSummary ? loadReference(d) : Promise.resolve(null)]);
  const label = d.label || summary.id || summary.recipe;
  const startH = runStartH(summary);
  facts(summary, label, reference, startH);
  steps(summary, reference);
  const run = fromStart(trend, startH);
  const other = reference ? fromStart(reference.trend, runStartH(reference.summary)) : null;
  const parted = reference ? partingPoint(run, other) : null;
  showParting(parted, reference);
  charts(run, reference ? { ...reference, trend: other } : null, parted, label);
  alarms(summary, startH);
  interventions(audit, summary);
  events(summary, startH);
  status.textContent = (reference ? 'Compared with ' + reference.label + '. ' : '')
    + trend.rows + ' trend rows' + (trend.rows_per_bucket > 1 ? ', ' + trend.rows_per_bucket + ' to a point' : '');
  document.title = 'Run report ' + label + ' – ' + summary.recipe + ' – SiC furnace HMI';
  await new Promise((resolve) => requestAnimationFrame(resolve));
  // milliseconds from the page's navigation to the report drawn, for the benchmark
  report.dataset.renderedMs = performance.now().toFixed(1);
  report.dataset.rendered = 'true';
}

async function loadReference(d) {
  const [summary, trend] = await Promise.all([getJson(d.referenceSummary), getJson(d.referenceTrend)]);
  return { summary, trend, label: d.referenceLabel || summary.id || summary.recipe };
}

/**
 * When the run started, in the report's hours: the start of its first step. A controller counts its hours from its
 * own start, which may be a while before an operator starts the run; a virtual run starts at once (0). A run taken up
 * again after a restart has no first step in its report: its hours count from the restart.
 */
function runStartH(s) {
  const first = (s.events || []).find((e) => e.what === 'step_started' && e.detail.startsWith('step 1 '));
  return first ? first.time_h : 0;
}

/** The trend from the run's start on, its hours counted from it. */
function fromStart(trend, startH) {
  const first = trend.time_h.findIndex((t) => t >= startH);
  const from = first < 0 ? trend.time_h.length : first;
  const series = {};
  for (const [name, s] of Object.entries(trend.series)) {
    series[name] = { min: s.min.slice(from), max: s.max.slice(from), last: s.last.slice(from) };
  }
  return { ...trend, time_h: trend.time_h.slice(from).map((t) => t - startH), step: trend.step.slice(from),
    state: trend.state.slice(from), series };
}

function facts(s, label, reference, startH) {
  const run = s.run || {};
  const list = document.getElementById('run-facts');
  const rows = [
    ['Run', label],
    ['Recipe', s.recipe],
    ['Recipe file', run.recipe_file],
    ['Version', run.recipe_version === undefined ? '— (not a version of the recipe store)' : 'v' + run.recipe_version],
    ['SHA-256', run.recipe_sha256],
    ['Operator', run.started_by === undefined ? undefined : run.started_by
      + (run.started_by_role ? ' (' + run.started_by_role + ')' : '')],
    ['Start', run.started_at && dateTime(run.started_at)],
    ['End', run.ended_at && dateTime(run.ended_at)],
    ['Furnace time', duration((s.furnace_hours - startH) * 3600)],
    ['Final state', s.final_state + (s.completed ? ' (completed)' : ' (not completed)')],
    ['Furnace', s.furnace],
    ['Boule length', s.boule_length_mm === null || s.boule_length_mm === undefined
      ? '— (not measured during a live run)' : number(s.boule_length_mm) + ' mm'],
    ['Source used', s.source_used_kg === null || s.source_used_kg === undefined ? '—'
      : number(s.source_used_kg) + ' kg'],
    ['Interlock trips', String(s.interlock_trips)],
    ['Audit head at the end', s.audit ? 'seq ' + s.audit.head_seq + ', ' + s.audit.head_hash
      : '— (no audit trail)'],
  ];
  if (reference) {
    rows.push(['Reference run', reference.label + ': ' + reference.summary.recipe + ', '
      + duration((reference.summary.furnace_hours - runStartH(reference.summary)) * 3600) + ', '
      + reference.summary.final_state]);
  }
  for (const [term, value] of rows) {
    const dd = element('dd', 'val', value === undefined || value === null || value === '' ? '—' : String(value));
    dd.dataset.fact = term;
    list.append(element('dt', '', term), dd);
  }
}

function steps(s, reference) {
  const table = document.getElementById('step-table');
  if (reference) {
    const head = table.tHead.rows[0];
    head.insertBefore(element('th', '', 'Reference'), head.cells[4]);
    head.insertBefore(element('th', '', 'Δ'), head.cells[5]);
  }
  const body = table.tBodies[0];
  s.steps.forEach((step, i) => {
    const row = body.insertRow();
    const cells = [String(i + 1), step.name, step.type, duration(step.duration_h * 3600)];
    if (reference) {
      const other = reference.summary.steps[i];
      const same = other && other.name === step.name;
      cells.push(same ? duration(other.duration_h * 3600) : '—',
        same ? signed((step.duration_h - other.duration_h) * 3600) : '—');
    }
    cells.push(duration(step.holdback_hours * 3600), kelvin(step.temperature_error_p99_k),
      kelvin(step.temperature_error_max_k), percent(step.pressure_error_p99_pct),
      percent(step.pressure_error_max_pct));
    for (const text of cells) {
      row.insertCell().textContent = text;
    }
  });
}

function signed(seconds) {
  return (seconds < 0 ? '−' : '+') + duration(Math.abs(seconds));
}

function kelvin(v) {
  return v === null || v === undefined ? '—' : v.toFixed(2) + ' K';
}

function percent(v) {
  return v === null || v === undefined ? '—' : v.toFixed(2) + ' %';
}

/** The reference's last value at or before each of this run's times (the two trends need not share their times). */
function aligned(times, other, column) {
  const values = other.series[column] ? other.series[column].last : null;
  const out = new Array(times.length).fill(null);
  if (!values) {
    return out;
  }
  let j = 0;
  for (let i = 0; i < times.length; i++) {
    while (j + 1 < other.time_h.length && other.time_h[j + 1] <= times[i]) {
      j++;
    }
    if (other.time_h[j] <= times[i] && times[i] <= other.time_h[other.time_h.length - 1]) {
      out[i] = values[j];
    }
  }
  return out;
}

/**
 * The first furnace hour at which the seed or source temperatures of the two runs differ by more than PART_K. A
 * reading at the least value either run has of it is not compared: below its range a pyrometer reads its floor.
 */
function partingPoint(trend, other) {
  const mine = ['seed_c', 'source_c'].filter((c) => trend.series[c] && other.series[c]);
  const theirs = mine.map((c) => aligned(trend.time_h, other, c));
  const floors = mine.map((c) => Math.min(least(trend.series[c].last), least(other.series[c].last)));
  for (let i = 0; i < trend.time_h.length; i++) {
    for (let k = 0; k < mine.length; k++) {
      const a = trend.series[mine[k]].last[i];
      const b = theirs[k][i];
      if (a !== null && b !== null && a > floors[k] && b > floors[k] && Math.abs(a - b) > PART_K) {
        return { timeH: trend.time_h[i], column: mine[k], value: a, reference: b, step: trend.step[i] };
      }
    }
  }
  return null;
}

function least(values) {
  let min = Infinity;
  for (const v of values) {
    if (v !== null && v < min) {
      min = v;
    }
  }
  return min;
}

function showParting(parted, reference) {
  const note = document.getElementById('parted');
  if (!reference) {
    return;
  }
  note.hidden = false;
  note.dataset.parted = parted ? String(parted.timeH) : '';
  note.textContent = parted
    ? 'The runs part at ' + parted.timeH.toFixed(2) + ' h (step ' + parted.step + '): '
      + (parted.column === 'seed_c' ? 'seed ' : 'source ') + Math.round(parted.value) + ' °C against '
      + Math.round(parted.reference) + ' °C in ' + reference.label + ' (more than ' + PART_K + ' K apart).'
    : 'The runs do not part by more than ' + PART_K + ' K in seed or source temperature where both ran.';
}

function charts(trend, reference, parted, label) {
  const box = document.getElementById('charts');
  for (const chart of CHARTS) {
    if (!trend.series[chart.pv]) {
      continue; // the furnace has no such value (a second supply on a one-zone furnace)
    }
    const figure = element('figure', 'report-chart');
    figure.dataset.chart = chart.pv;
    figure.append(element('figcaption', '', chart.title + ' (' + chart.unit + ')'));
    box.append(figure);
    const series = [{ label: 'h' }];
    const data = [trend.time_h];
    const clean = chart.log ? (v) => (v === null || v <= 0 ? null : v) : (v) => v;
    if (trend.series[chart.sp]) {
      series.push({ label: 'Setpoint', stroke: '#1a1a1a', width: 1, dash: [2, 3], points: { show: false } });
      data.push(trend.series[chart.sp].last.map(clean));
    }
    series.push({ label: label, stroke: chart.colour, width: 1.5, points: { show: false } });
    data.push(trend.series[chart.pv].last.map(clean));
    const overlaid = reference && reference.trend.series[chart.pv];
    if (overlaid) {
      series.push({ label: reference.label, stroke: REFERENCE_COLOUR, width: 1.5, dash: [8, 4],
        points: { show: false } });
      data.push(reference.trend.series[chart.pv].last.map(clean));
    }
    const joined = overlaid ? joinReference(data, reference.trend) : data;
    figure.dataset.series = series.slice(1).map((s) => s.label).join('|');
    const plot = new uPlot(options(chart, series, parted), joined, figure);
    figure.dataset.points = String(plot.data[0].length);
  }
}

/**
 * This run's columns and the reference's (its last column) on one time axis: the union of both runs' times, each
 * series null where it has no point, bridged when drawn.
 */
function joinReference(data, other) {
  const own = [data[0], ...data.slice(1, -1)];
  const theirs = [other.time_h, data[data.length - 1]];
  return uPlot.join([own, theirs]);
}

function options(chart, series, parted) {
  return {
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    series: series.map((s, i) => (i === 0 ? s : { ...s, spanGaps: true })),
    scales: { x: { time: false }, y: chart.log ? { distr: 3 } : {} },
    axes: [
      { stroke: '#333', grid: { stroke: '#c4c4c4' }, label: 'furnace hours', values: (u, ticks) => ticks.map(String) },
      chart.log ? { stroke: '#333', grid: { stroke: '#c4c4c4' }, label: chart.unit, size: 60, splits: decades,
        values: (u, ticks) => ticks.map(decade) } : { stroke: '#333', grid: { stroke: '#c4c4c4' }, label: chart.unit,
        size: 60 },
    ],
    cursor: { drag: { x: false, y: false } },
    legend: { live: false },
    hooks: { draw: [(u) => markParting(u, parted)] },
  };
}

/** A vertical line where the runs part. */
function markParting(u, parted) {
  if (!parted) {
    return;
  }
  const x = Math.round(u.valToPos(parted.timeH, 'x', true));
  const ctx = u.ctx;
  ctx.save();
  ctx.strokeStyle = '#1a1a1a';
  ctx.lineWidth = 2;
  ctx.setLineDash([4, 4]);
  ctx.beginPath();
  ctx.moveTo(x, u.bbox.top);
  ctx.lineTo(x, u.bbox.top + u.bbox.height);
  ctx.stroke();
  ctx.restore();
}

function alarms(s, startH) {
  const k = s.alarm_kpis;
  const list = document.getElementById('alarm-kpis');
  const rows = k ? [
    ['Alarms raised', String(k.activations)],
    ['Alarms per hour', number(k.alarms_per_hour)],
    ['Peak in 10 minutes', String(k.peak_per_10_min)],
    ['Time in flood', duration(k.flood_s) + ' (' + number(k.flood_pct) + ' %)'],
    ['Chattering', names(k.chattering, (c) => c.alarm + ' ×' + c.activations)],
    ['Stale', names(k.stale, (c) => c.alarm + ' ' + number(c.active_h) + ' h')],
    ['Top sources', names(k.top_sources, (c) => c.alarm + ' ×' + c.activations)],
  ] : [['Alarm KPIs', '— (none recorded)']];
  for (const [term, value] of rows) {
    list.append(element('dt', '', term), element('dd', 'val', value));
  }
  fill('trip-table', s.trip_latches || [], (t) => [hours(t.time_h - startH), t.trip, t.detail,
    t.first_out ? 'first out' : '']);
  fill('alarm-list', s.alarms || [], (a) => [hours(a.time_h - startH), a.what, a.detail]);
}

function names(list, text) {
  return list && list.length ? list.map(text).join(', ') : 'none';
}

function hours(h) {
  return h.toFixed(3);
}

function interventions(audit, s) {
  const state = document.getElementById('audit-state');
  if (!audit) {
    state.textContent = 'No audit records with this report.';
    fill('intervention-table', [], () => []);
    return;
  }
  state.textContent = (audit.intact ? 'The audit trail verifies' : 'The audit trail does NOT verify: '
    + (audit.problem || 'broken chain')) + '. ' + audit.entries.length + ' records of this run'
    + (audit.matched > audit.entries.length ? ' shown of ' + audit.matched : '') + '.';
  state.classList.toggle('abnormal', !audit.intact);
  fill('intervention-table', audit.entries, (e) => [dateTime(e.time), e.user, e.role, e.action, e.reason,
    e.outcome, e.detail]);
}

function events(s, startH) {
  fill('event-table', s.events || [], (e) => [hours(e.time_h - startH), e.what, e.detail]);
}

/** Rows of text cells into a table's body; a row saying "none" for an empty list. */
function fill(id, items, cells) {
  const table = document.getElementById(id);
  const body = table.tBodies[0];
  if (items.length === 0) {
    const cell = body.insertRow().insertCell();
    cell.colSpan = table.tHead.rows[0].cells.length;
    cell.className = 'muted';
    cell.textContent = 'none';
    return;
  }
  for (const item of items) {
    const row = body.insertRow();
    for (const text of cells(item)) {
      row.insertCell().textContent = text === null || text === undefined ? '' : String(text);
    }
  }
}
