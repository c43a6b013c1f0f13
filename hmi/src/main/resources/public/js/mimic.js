// The furnace screen's mimic: each furnace type has its own drawing (public/mimic/<type>.svg), chosen by the type the
// furnace's controller reports (its variant), since a 6-inch furnace moves one coil and an 8-inch one drives two
// induction zones from two supplies. The drawing is the HMI's own static file, parsed as SVG and put into the page;
// its [data-v], [data-state] and [data-move] elements are then filled from the live data like the rest of the page.
import { controllerOf } from './catalogue.js';
import { element } from './format.js';

/** The furnace types that have a drawing. */
const DRAWINGS = new Set(['6inch', '8inch']);

/** Resolves once the furnace's drawing is in the panel (or a message says why there is none). */
export async function showMimic(panel, furnace) {
  const { variant } = await controllerOf(furnace);
  if (!DRAWINGS.has(variant)) {
    panel.replaceChildren(element('p', 'message', 'No mimic is drawn for furnace type "' + variant + '" yet: see '
      + 'its key values and trends.'));
    return;
  }
  const response = await fetch('/static/mimic/' + variant + '.svg', { credentials: 'same-origin' });
  if (!response.ok) {
    panel.replaceChildren(element('p', 'message', 'The mimic of furnace type ' + variant + ' could not be loaded: '
      + 'HTTP ' + response.status));
    return;
  }
  const drawing = new DOMParser().parseFromString(await response.text(), 'image/svg+xml').documentElement;
  drawing.dataset.furnaceType = variant;
  panel.replaceChildren(document.importNode(drawing, true));
}
