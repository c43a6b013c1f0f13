// The recipe's progress as the Fleet and Furnace screens word it: "3 of 9: heat-up", and the time left in the step by
// the step timer (which stands still while the run is held or held back). A wait step has no time left: it ends when
// its conditions hold, so it says so; a ramp whose start is not known yet (below the pyrometers' range) shows "—".
import { duration } from './format.js';

export const UNTIL_CONDITIONS = 'until its conditions hold';

/** "3 of 9: heat-up", "not started", or "—" without data. */
export function stepText(live, recipe) {
  const number = live.value('step_number');
  if (number === undefined || number === null) {
    return '—';
  }
  return number === 0 ? 'not started'
    : number + ' of ' + (recipe ? recipe.steps.length : '?') + ': ' + live.value('step_name');
}

/** The step timer's time left as h:mm:ss; for a wait step, that it runs until its conditions hold. */
export function timeLeftText(live, recipe) {
  const left = live.value('step_time_left_s');
  if (typeof left === 'number') {
    return duration(left);
  }
  const number = live.value('step_number');
  const step = recipe && number > 0 ? recipe.steps[number - 1] : null;
  return step && step.type === 'wait' ? UNTIL_CONDITIONS : '—';
}
