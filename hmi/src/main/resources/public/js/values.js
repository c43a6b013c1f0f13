// Putting live values into elements, and marking what is not live. A value whose furnace is not live, or whose device
// the controller has lost (quality stale), gets the class `stale` (struck through, hatched) and a trailing " ?"; a
// value its sensor reports failed gets `bad`; one at the end of its range shows "<" or ">" before it.
import { withUnit } from './format.js';

/** Text of a value for a person, by its type: switches by the element's data-on/data-off words. */
export function valueText(value, signal, element) {
  if (value === null || value === undefined) {
    return '—';
  }
  if (typeof value === 'boolean') {
    const words = element && element.dataset.on ? [element.dataset.on, element.dataset.off] : ['on', 'off'];
    return value ? words[0] : words[1];
  }
  if (typeof value === 'string') {
    return value === '' ? '—' : value.replaceAll('_', ' ');
  }
  return withUnit(value, signal ? signal.unit : '');
}

/** Shows a value in an element with its quality and the furnace's staleness. */
export function showValue(element, text, quality, furnaceStale) {
  const stale = furnaceStale || quality === 'stale';
  let shown = text;
  if (quality === 'limit_low') {
    shown = '<' + text;
  } else if (quality === 'limit_high') {
    shown = '>' + text;
  } else if (quality === 'bad') {
    shown = text + ' BAD';
  }
  if (stale) {
    shown += ' ?';
  }
  if (element.textContent !== shown) {
    element.textContent = shown;
  }
  element.classList.toggle('stale', stale);
  element.classList.toggle('bad', quality === 'bad');
}

/** Fills every [data-v] element under root from the live data (and marks switches in an abnormal position). */
export function fillValues(root, live, catalogue) {
  const stale = live.stale;
  for (const element of root.querySelectorAll('[data-v]')) {
    const name = element.dataset.v;
    const value = live.value(name);
    showValue(element, valueText(value, catalogue.get(name), element), live.quality(name), stale);
    if (element.dataset.abnormal !== undefined) {
      element.classList.toggle('abnormal', value !== null && value !== undefined
        && String(value) === element.dataset.abnormal);
    }
  }
}
