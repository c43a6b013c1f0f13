// The Tuning screen of one furnace: each loop's gains in force against the profile's and the range a change may take,
// the seed loop's gain schedule and its factors at the seed setpoint, the seed loop's live response, a form for new
// gains and the relay auto-tune with its proposal. Everything shown comes from the controller (its /loops once, then
// the live snapshot's tuning); every change is a command through the confirmation dialog, as the logged-in engineer,
// which the controller checks, applies bumplessly and audits with the values before and after.
import uPlot from '/static/vendor/uplot/dist/uPlot.esm.js';
import { getJson } from './api.js';
import { liveFor } from './live.js';
import { confirmCommand } from './commands.js';
import { duration, element } from './format.js';

const LOOPS = ['seed', 'gradient', 'pressure'];
const NAMES = { seed: 'Seed temperature → heater power', gradient: 'Gradient → coil or zone split',
  pressure: 'Chamber pressure → throttle valve' };
/** The chart keeps this many points, about an hour at one a second: older ones drop off its left edge. */
const MAX_POINTS = 4000;
const HEIGHT = 260;

const root = document.getElementById('tuning');
const furnace = root.dataset.furnace;
const live = liveFor(furnace);
const status = document.getElementById('tuning-status');
const chartBox = document.getElementById('response-chart');
let tuning = null;
let shown = '';
let plot = null;
const data = [[], [], [], []];
let lastTime = null;

start();

async function start() {
  plot = new uPlot(chartOptions(), data, chartBox);
  window.addEventListener('resize', () => plot.setSize(chartSize()));
  wireForms();
  try {
    const loops = await getJson('/api/v1/furnaces/' + encodeURIComponent(furnace) + '/loops');
    show(loops);
  } catch (error) {
    status.textContent = 'The controller\'s loops could not be read (' + error.message + '); waiting for live data.';
  }
  live.subscribe(() => {
    if (live.snapshot && live.snapshot.tuning) {
      show(live.snapshot.tuning);
    }
    append();
    status.textContent = live.stale ? 'Not live: ' + live.staleReason + '.' : 'Live.';
  });
}

/**
 * Draws the tuning when it changed: the loops' table, the schedule, the auto-tune's state and proposal. The live
 * snapshot's tuning has no schedule factors (they follow the setpoint): they are the schedule's at seed_sp_c.
 */
function show(given) {
  const next = withScales(given, live.value('seed_sp_c') ?? given.seed_sp_c ?? null);
  const text = JSON.stringify(next);
  if (text === shown) {
    return;
  }
  shown = text;
  tuning = next;
  root.dataset.state = next.auto_tune.state;
  showLoops(next);
  const s = next.schedule;
  document.getElementById('schedule').textContent = 'Gain schedule of the ' + s.loop + ' loop: reference '
    + s.reference_c + ' °C; kp × (T/Tref)^' + s.gain_exponent + ', ti and td × (Tref/T)^' + s.time_exponent
    + ' (temperatures in kelvin), taken at the seed setpoint.';
  showAutoTune(next.auto_tune, next.loops.seed);
  document.getElementById('gains-panel').hidden = false;
  showRange();
}

/** The tuning with each loop's gain and time scale at the seed setpoint, and the gains they make effective. */
function withScales(t, seedSp) {
  const s = t.schedule;
  const kelvin = 273.15;
  const loops = {};
  for (const name of LOOPS) {
    const l = t.loops[name];
    const on = l.scheduled && seedSp !== null;
    const gainScale = on ? Math.pow((seedSp + kelvin) / (s.reference_c + kelvin), s.gain_exponent) : 1;
    const timeScale = on ? Math.pow((s.reference_c + kelvin) / (seedSp + kelvin), s.time_exponent) : 1;
    loops[name] = { ...l, gain_scale: gainScale, time_scale: timeScale,
      effective: { kp: l.kp * gainScale, ti_s: l.ti_s * timeScale, td_s: l.td_s * timeScale } };
  }
  return { ...t, loops };
}

function showLoops(t) {
  const rows = LOOPS.map((name) => {
    const l = t.loops[name];
    const row = element('tr');
    row.dataset.loop = name;
    const edit = element('button', null, 'Edit');
    edit.type = 'button';
    edit.addEventListener('click', () => fillForm(name));
    row.append(
      element('th', null, NAMES[name]),
      cell('kp', gain(l.kp)), cell('ti_s', gain(l.ti_s)), cell('td_s', gain(l.td_s)),
      cell('profile', gain(l.profile.kp) + ' / ' + gain(l.profile.ti_s) + ' / ' + gain(l.profile.td_s)),
      cell('kp_allowed', gain(l.allowed.kp_min) + ' – ' + gain(l.allowed.kp_max)),
      cell('ti_allowed', gain(l.allowed.ti_s_min) + ' – ' + gain(l.allowed.ti_s_max)),
      cell('gain_scale', l.scheduled ? l.gain_scale.toFixed(3) : '1 (not scheduled)'),
      cell('time_scale', l.scheduled ? l.time_scale.toFixed(3) : '1'),
      cell('effective', gain(l.effective.kp) + ' / ' + gain(l.effective.ti_s)),
      wrap(edit));
    if (l.kp !== l.profile.kp || l.ti_s !== l.profile.ti_s || l.td_s !== l.profile.td_s) {
      row.classList.add('changed');
    }
    return row;
  });
  document.querySelector('#loops tbody').replaceChildren(...rows);
  const select = document.getElementById('gains-loop');
  if (select.options.length === 0) {
    for (const name of LOOPS) {
      const option = element('option', null, name);
      option.value = name;
      select.append(option);
    }
    fillForm('seed');
  }
}

function cell(field, text) {
  const td = element('td', 'val', text);
  td.dataset.field = field;
  return td;
}

function wrap(child) {
  const td = element('td');
  td.append(child);
  return td;
}

/** A gain to four significant digits, as people compare them. */
function gain(value) {
  if (value === null || value === undefined || Number.isNaN(value)) {
    return '—';
  }
  return Number(value.toPrecision(4)).toString();
}

function fillForm(name) {
  const l = tuning.loops[name];
  document.getElementById('gains-loop').value = name;
  document.getElementById('gains-kp').value = gain(l.kp);
  document.getElementById('gains-ti').value = gain(l.ti_s);
  document.getElementById('gains-td').value = gain(l.td_s);
  showRange();
}

function showRange() {
  const name = document.getElementById('gains-loop').value;
  if (!tuning || !name) {
    return;
  }
  const l = tuning.loops[name];
  document.getElementById('gains-range').textContent = 'Allowed for the ' + name + ' loop: kp '
    + gain(l.allowed.kp_min) + ' – ' + gain(l.allowed.kp_max) + ', ti ' + gain(l.allowed.ti_s_min) + ' – '
    + gain(l.allowed.ti_s_max) + ' s (a factor of 10 either way of the profile\'s), td 0 – ti'
    + (l.derivative_allowed ? '' : ' (this loop has no derivative filter: td stays 0)')
    + '. The controller checks them again and changes the gains without a bump.';
}

function wireForms() {
  document.getElementById('gains-loop').addEventListener('change', (event) => fillForm(event.target.value));
  document.getElementById('gains-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const name = document.getElementById('gains-loop').value;
    const l = tuning.loops[name];
    const next = { kp: Number(document.getElementById('gains-kp').value),
      ti_s: Number(document.getElementById('gains-ti').value),
      td_s: Number(document.getElementById('gains-td').value) };
    confirmCommand({ furnace, command: 'tune', fields: { loop: name, ...next },
      summary: name + ' loop: kp ' + gain(l.kp) + ' → ' + gain(next.kp) + ', ti ' + gain(l.ti_s) + ' → '
        + gain(next.ti_s) + ' s, td ' + gain(l.td_s) + ' → ' + gain(next.td_s) + ' s' });
  });
  document.getElementById('autotune-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const fields = { loop: 'seed',
      amplitude_kw: Number(document.getElementById('autotune-amplitude').value),
      band_k: Number(document.getElementById('autotune-band').value),
      hysteresis_k: Number(document.getElementById('autotune-hysteresis').value),
      cycles: Number(document.getElementById('autotune-cycles').value),
      max_s: Number(document.getElementById('autotune-max').value) * 60 };
    confirmCommand({ furnace, command: 'start_auto_tune', fields,
      summary: 'Seed loop: relay ± ' + fields.amplitude_kw + ' kW around the power it stands at, band ± '
        + fields.band_k + ' K, hysteresis ' + fields.hysteresis_k + ' K, ' + fields.cycles + ' cycles, at most '
        + duration(fields.max_s) });
  });
  document.getElementById('autotune-abort').addEventListener('click', () => confirmCommand({ furnace,
    command: 'abort_auto_tune', fields: { loop: 'seed' },
    summary: 'The seed loop takes over again, bumpless, with its gains.' }));
  document.getElementById('proposal-accept').addEventListener('click', () => {
    const p = tuning.auto_tune.result.proposal;
    const now = tuning.loops.seed;
    confirmCommand({ furnace, command: 'accept_tuning', fields: { loop: 'seed' },
      summary: 'Seed loop: kp ' + gain(now.kp) + ' → ' + gain(p.kp) + ', ti ' + gain(now.ti_s) + ' → '
        + gain(p.ti_s) + ' s, td ' + gain(now.td_s) + ' → ' + gain(p.td_s) + ' s (' + p.rule + ')' });
  });
  document.getElementById('proposal-reject').addEventListener('click', () => confirmCommand({ furnace,
    command: 'reject_tuning', fields: { loop: 'seed' }, summary: 'The seed loop keeps its gains.' }));
}

function showAutoTune(a, seed) {
  const running = a.state === 'running';
  document.getElementById('autotune-state').textContent = a.state;
  document.getElementById('autotune-progress').textContent = a.loop === undefined ? '—'
    : a.cycles_measured + ' of ' + a.cycles + ' cycles measured, ' + duration(a.elapsed_s) + ' of '
      + duration(a.max_s) + '; relay ± ' + a.amplitude_kw + ' kW around ' + a.bias_kw.toFixed(2) + ' kW at '
      + a.setpoint_c + ' °C, band ± ' + a.band_k + ' K';
  document.getElementById('autotune-detail').textContent = a.detail || '—';
  document.getElementById('autotune-detail').classList.toggle('abnormal', a.state === 'aborted');
  document.getElementById('autotune-start').disabled = running;
  document.getElementById('autotune-abort').disabled = !running;
  const box = document.getElementById('proposal');
  box.hidden = a.state !== 'finished' || !a.result;
  if (box.hidden) {
    return;
  }
  const r = a.result;
  const p = r.proposal;
  const rows = [['Current', seed], ['Proposal', p], ['Profile', seed.profile]].map(([label, g]) => {
    const row = element('tr');
    row.dataset.row = label.toLowerCase();
    row.append(element('th', null, label), cell('kp', gain(g.kp)), cell('ti_s', gain(g.ti_s)),
      cell('td_s', gain(g.td_s)));
    return row;
  });
  document.querySelector('#proposal-table tbody').replaceChildren(...rows);
  document.getElementById('proposal-measured').textContent = 'Measured at ' + a.setpoint_c + ' °C: Ku '
    + gain(r.ku_kw_per_k) + ' kW/K, Pu ' + gain(r.pu_s) + ' s, oscillation ± ' + r.oscillation_k.toFixed(2)
    + ' K over ' + r.cycles + ' cycles. ' + p.rule + ': kp = Ku / 3.2 = ' + gain(p.effective.kp) + ', ti = 2.2 Pu = '
    + gain(p.effective.ti_s) + ' s at the setpoint; divided by the schedule\'s scales there for the reference gains.';
}

function chartSize() {
  return { width: Math.max(320, chartBox.clientWidth), height: HEIGHT };
}

function chartOptions() {
  return {
    ...chartSize(),
    tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
    series: [{},
      { label: 'seed °C', scale: '°C', stroke: '#1a1a1a', width: 1.5, points: { show: false } },
      { label: 'seed setpoint °C', scale: '°C', stroke: '#1a1a1a', dash: [6, 4], width: 1, points: { show: false } },
      { label: 'power kW', scale: 'kW', stroke: '#2f5f8f', width: 1.5, points: { show: false } }],
    scales: { x: { time: true } },
    legend: { live: false },
    axes: [
      { stroke: '#333', grid: { stroke: '#c4c4c4' },
        values: (u, ticks) => ticks.map((t) => new Date(t * 1000).toISOString().slice(11, 19)) },
      { scale: '°C', label: '°C', stroke: '#333', grid: { stroke: '#c4c4c4' } },
      { scale: 'kW', label: 'kW', side: 1, stroke: '#333', grid: { show: false } },
    ],
    hooks: { draw: [(u) => { chartBox.dataset.drawn = String(u.data[0].length); }] },
  };
}

/** One point per new furnace second of live data: seed, its setpoint, the power demanded. */
function append() {
  if (!live.snapshot || live.stale) {
    return;
  }
  const t = Date.parse(live.snapshot.time) / 1000;
  if (lastTime !== null && t < lastTime + 1) {
    return;
  }
  lastTime = t;
  data[0].push(t);
  data[1].push(live.value('pyro_top_c') ?? null);
  data[2].push(live.value('seed_sp_c') ?? null);
  data[3].push(live.value('power_demand_kw') ?? null);
  if (data[0].length > MAX_POINTS) {
    data.forEach((column) => column.shift());
  }
  plot.setData(data);
}
