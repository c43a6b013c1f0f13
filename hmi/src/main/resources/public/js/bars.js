// Analog indicators: a small horizontal bar with the value's pointer against its range, the normal band shaded and
// the setpoint as a tick. No colour: position against the band tells what is normal, as ISA-101 wants. Positions are
// set through the CSSOM (element.style), which the Content-Security-Policy allows, never as style attributes.
// The normal band is the furnace's own: the limits of its profile's alarms on the value, from its catalogue
// (alarm_limits, docs/api.md), so that a bar shows what the alarms call normal on that furnace.
import { element, number } from './format.js';
import { showValue } from './values.js';

/** The key values of a furnace; a value its furnace lacks (the second supply of a 6-inch one) has no bar. */
export const KEY_VALUES = [
  { label: 'Seed', value: 'pyro_top_c', sp: 'seed_sp_c' },
  { label: 'Source', value: 'pyro_bottom_c', sp: 'source_sp_c' },
  { label: 'Pressure', value: 'pressure_mbar', sp: 'pressure_sp_mbar', unit: 'mbar', log: true, min: 1e-5,
    max: 2000 },
  { label: 'Power PS1', value: 'ps1_power_kw', sp: 'ps1_power_sp_kw' },
  { label: 'Power PS2', value: 'ps2_power_kw', sp: 'ps2_power_sp_kw' },
];

/** More of a furnace's values, for its own screen. */
export const MORE_VALUES = [
  { label: 'Argon', value: 'ar_flow_sccm', sp: 'ar_flow_sp_sccm' },
  { label: 'Throttle', value: 'throttle_valve_pct', sp: 'throttle_valve_sp_pct' },
  { label: 'Coil water', value: 'water_coil_flow_lpm' },
  { label: 'Chamber water', value: 'water_chamber_flow_lpm' },
  { label: 'Supply water', value: 'water_ps_flow_lpm' },
];

/**
 * The normal band of a value, [low, high], from its alarms' limits: above the highest low limit, below the lowest
 * high limit, and within each deviation band around its setpoint while that setpoint is there (the alarm judges only
 * then). An open end is the bar's; null when no limit bounds the value now.
 */
function normalBand(limits, live, min, max) {
  let low = -Infinity;
  let high = Infinity;
  for (const limit of limits) {
    if (limit.type === 'low') {
      low = Math.max(low, limit.limit);
    } else if (limit.type === 'high') {
      high = Math.min(high, limit.limit);
    } else if (limit.type === 'deviation') {
      const sp = live.value(limit.setpoint);
      if (typeof sp === 'number') {
        const allowed = limit.relative ? Math.abs(sp) * limit.limit / 100 : limit.limit;
        low = Math.max(low, sp - allowed);
        high = Math.min(high, sp + allowed);
      }
    }
  }
  if ((low === -Infinity && high === Infinity) || low > high) {
    return null;
  }
  return [Math.max(low, min), Math.min(high, max)];
}

class AnalogBar {
  constructor(definition, catalogue) {
    const signal = catalogue.get(definition.value) || {};
    this.definition = definition;
    this.unit = definition.unit || signal.unit || '';
    this.min = definition.min ?? signal.min ?? 0;
    this.max = definition.max ?? signal.max ?? 100;
    this.limits = signal.alarm_limits || [];
    this.element = element('div', 'analog');
    this.element.dataset.value = definition.value;
    this.valueText = element('span', 'a-value val');
    this.spText = element('span', 'a-sp');
    this.track = element('div', 'a-track');
    this.band = element('div', 'a-band');
    this.tick = element('div', 'a-tick');
    this.pointer = element('div', 'a-pointer');
    this.track.append(this.band, this.tick, this.pointer);
    this.element.append(element('span', 'a-label', definition.label), this.valueText, this.spText, this.track);
    this.track.title = definition.label + ': range ' + number(this.min, this.unit) + ' to '
      + number(this.max, this.unit) + ' ' + this.unit + (definition.log ? ' (logarithmic)' : '');
  }

  /** Where a value lies on the track, 0 to 1. */
  position(value) {
    let f;
    if (this.definition.log) {
      f = (Math.log10(Math.max(value, this.min)) - Math.log10(this.min))
        / (Math.log10(this.max) - Math.log10(this.min));
    } else {
      f = (value - this.min) / (this.max - this.min);
    }
    return Math.min(1, Math.max(0, f));
  }

  update(live) {
    const d = this.definition;
    const value = live.value(d.value);
    const sp = d.sp ? live.value(d.sp) : null;
    const text = value === null || value === undefined ? '—' : number(value, this.unit) + ' ' + this.unit;
    showValue(this.valueText, text, live.quality(d.value), live.stale);
    const hasSp = sp !== null && sp !== undefined;
    showValue(this.spText, hasSp ? 'SP ' + number(sp, this.unit) : '', undefined, live.stale && hasSp);
    this.element.classList.toggle('stale', live.stale);
    this.pointer.hidden = value === null || value === undefined;
    if (!this.pointer.hidden) {
      this.pointer.style.left = (this.position(value) * 100).toFixed(2) + '%';
    }
    this.tick.hidden = !hasSp;
    if (hasSp) {
      this.tick.style.left = (this.position(sp) * 100).toFixed(2) + '%';
    }
    this.showBand(normalBand(this.limits, live, this.min, this.max));
  }

  /** Shades the band; set again only when it moved, as the values and setpoints show (a redraw per scan is waste). */
  showBand(band) {
    this.band.hidden = band === null;
    const shown = band === null ? '' : number(band[0], this.unit) + ' to ' + number(band[1], this.unit);
    if (this.band.dataset.normal === shown) {
      return;
    }
    this.band.dataset.normal = shown;
    if (band === null) {
      return;
    }
    this.band.dataset.low = band[0];
    this.band.dataset.high = band[1];
    this.band.title = 'normal ' + shown + ' ' + this.unit + ' (' + this.limits.map((l) => l.alarm).join(', ') + ')';
    const lo = this.position(band[0]);
    const hi = this.position(band[1]);
    this.band.style.left = (lo * 100).toFixed(2) + '%';
    // at least a hairline, so that a narrow band on a wide range still shows
    this.band.style.width = Math.max(0.8, (hi - lo) * 100).toFixed(2) + '%';
  }
}

/**
 * Bars for those of the definitions whose value the furnace's catalogue has, appended to a container; returns a
 * function that updates them all.
 */
export function barsIn(container, definitions, catalogue) {
  const bars = definitions.filter((d) => catalogue.has(d.value)).map((d) => new AnalogBar(d, catalogue));
  container.replaceChildren(...bars.map((b) => b.element));
  return (live) => bars.forEach((b) => b.update(live));
}
