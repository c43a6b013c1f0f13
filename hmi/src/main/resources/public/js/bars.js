// Analog indicators: a small horizontal bar with the value's pointer against its range, the normal band shaded and
// the setpoint as a tick. No colour: position against the band tells what is normal, as ISA-101 wants. Positions are
// set through the CSSOM (element.style), which the Content-Security-Policy allows, never as style attributes.
import { element, number } from './format.js';
import { showValue } from './values.js';

/** The key values of a furnace; bands from the alarm philosophy (docs/alarms.md): ±5 K, ±5 %. */
export const KEY_VALUES = [
  { label: 'Seed', value: 'pyro_top_c', sp: 'seed_sp_c', band: (sp) => [sp - 5, sp + 5] },
  { label: 'Source', value: 'pyro_bottom_c', sp: 'source_sp_c', band: (sp) => [sp - 5, sp + 5] },
  { label: 'Pressure', value: 'pressure_mbar', sp: 'pressure_sp_mbar', unit: 'mbar', log: true, min: 1e-5,
    max: 2000, band: (sp) => [sp * 0.95, sp * 1.05] },
  { label: 'Power', value: 'ps1_power_kw', sp: 'ps1_power_sp_kw' },
];

/** More of a furnace's values, for its own screen; water bands above the 6-inch furnace's low-flow alarms. */
export const MORE_VALUES = [
  { label: 'Argon', value: 'ar_flow_sccm', sp: 'ar_flow_sp_sccm', band: (sp) => [sp * 0.95, sp * 1.05] },
  { label: 'Throttle', value: 'throttle_valve_pct', sp: 'throttle_valve_sp_pct' },
  { label: 'Coil water', value: 'water_coil_flow_lpm', fixedBand: [18, 100] },
  { label: 'Chamber water', value: 'water_chamber_flow_lpm', fixedBand: [21, 100] },
  { label: 'Supply water', value: 'water_ps_flow_lpm', fixedBand: [10, 100] },
];

class AnalogBar {
  constructor(definition, catalogue) {
    const signal = catalogue.get(definition.value) || {};
    this.definition = definition;
    this.unit = definition.unit || signal.unit || '';
    this.min = definition.min ?? signal.min ?? 0;
    this.max = definition.max ?? signal.max ?? 100;
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
    const band = d.fixedBand || (hasSp && d.band ? d.band(sp) : null);
    this.band.hidden = band === null;
    if (band !== null) {
      const lo = this.position(band[0]);
      const hi = this.position(band[1]);
      this.band.style.left = (lo * 100).toFixed(2) + '%';
      // at least a hairline, so that a narrow band on a wide range still shows
      this.band.style.width = Math.max(0.8, (hi - lo) * 100).toFixed(2) + '%';
    }
  }
}

/** Bars for a list of definitions, appended to a container; returns a function that updates them all. */
export function barsIn(container, definitions, catalogue) {
  const bars = definitions.map((d) => new AnalogBar(d, catalogue));
  container.replaceChildren(...bars.map((b) => b.element));
  return (live) => bars.forEach((b) => b.update(live));
}
