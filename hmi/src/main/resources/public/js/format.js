// How values read on the screens: numbers to a precision that suits their size and unit, with the unit, times in
// UTC to the second (as the rest of the HMI shows them), durations as h:mm:ss.

/** A number for a person: pressures below 0.1 in scientific notation, others to a sensible number of digits. */
export function number(value, unit) {
  if (value === null || value === undefined || Number.isNaN(value)) {
    return '—';
  }
  const magnitude = Math.abs(value);
  if (unit === 'mbar' && magnitude !== 0 && magnitude < 0.1) {
    return value.toExponential(1).replace('e', 'E');
  }
  if (unit === '°C' || unit === 'count' || magnitude >= 1000) {
    return Math.round(value).toString();
  }
  if (magnitude >= 100) {
    return value.toFixed(1);
  }
  return value.toFixed(magnitude >= 10 ? 1 : 2);
}

/** A value with its unit ("1843 °C"); counts and words stand alone. */
export function withUnit(value, unit) {
  const text = number(value, unit);
  return !unit || unit === 'count' || text === '—' ? text : text + ' ' + unit;
}

/** Seconds as h:mm:ss. */
export function duration(seconds) {
  if (seconds === null || seconds === undefined || Number.isNaN(seconds)) {
    return '—';
  }
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h + ':' + String(m).padStart(2, '0') + ':' + String(s % 60).padStart(2, '0');
}

/** A time (ISO text, epoch milliseconds or Date) as HH:MM:SS UTC. */
export function clock(time) {
  if (time === null || time === undefined) {
    return '—';
  }
  return new Date(time).toISOString().slice(11, 19) + ' UTC';
}

/** A time as 2026-03-02 08:00:00 UTC. */
export function dateTime(time) {
  return new Date(time).toISOString().slice(0, 19).replace('T', ' ') + ' UTC';
}

/** An element with a class and text (never markup: nothing from a controller becomes HTML). */
export function element(tag, className, text) {
  const e = document.createElement(tag);
  if (className) {
    e.className = className;
  }
  if (text !== undefined) {
    e.textContent = text;
  }
  return e;
}

/** Pressure ticks at the decades only (a uPlot axis's splits): a log axis's 2, 3, 5 … ticks would crowd it. */
export function decades(u, axis, min, max) {
  const ticks = [];
  for (let e = Math.ceil(Math.log10(min)); e <= Math.floor(Math.log10(max)); e++) {
    ticks.push(10 ** e);
  }
  return ticks;
}

/** A pressure decade's label (1E-3); nothing between decades. */
export function decade(v) {
  if (v === null || v <= 0) {
    return '';
  }
  const exponent = Math.round(Math.log10(v));
  return Math.abs(Math.log10(v) - exponent) < 1e-6 ? '1E' + exponent : '';
}
