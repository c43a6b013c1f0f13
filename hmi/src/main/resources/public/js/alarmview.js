// Alarms as the screens show them (ISA-18.2 / ISA-101): priority by shape and number as well as colour, so that it
// reads without colour too; counts of what needs the operator.
import { element } from './format.js';

const PRIORITIES = ['urgent', 'high', 'medium', 'low'];
const SHAPE = { urgent: '◆', high: '▲', medium: '■', low: '●' };
const NUMBER = { urgent: '1', high: '2', medium: '3', low: '4' };
const RANK = { urgent: 0, high: 1, medium: 2, low: 3 };

export const STATE_TEXT = {
  unack_active: 'UNACK active',
  ack_active: 'acknowledged, active',
  unack_rtn: 'UNACK returned',
  shelved: 'shelved',
  suppressed: 'suppressed',
  out_of_service: 'out of service',
};

export function rank(priority) {
  return RANK[priority] ?? 4;
}

export function unacknowledged(state) {
  return state === 'unack_active' || state === 'unack_rtn';
}

function shown(state) {
  return state === 'unack_active' || state === 'ack_active' || state === 'unack_rtn';
}

/** The priority mark: shape and number in the priority's colour, with the word for screen readers. */
export function priorityMark(priority) {
  const mark = element('span', 'prio prio-' + priority, (SHAPE[priority] || '?') + (NUMBER[priority] || ''));
  mark.title = priority;
  mark.setAttribute('aria-label', 'priority ' + priority);
  return mark;
}

/** Per priority: how many alarms are active and how many wait for an acknowledgement. */
export function countAlarms(notNormal, counts = emptyCounts()) {
  for (const alarm of Object.values(notNormal || {})) {
    const c = counts[alarm.priority];
    if (!c) {
      continue;
    }
    if (alarm.active && shown(alarm.state)) {
      c.active += 1;
    }
    if (unacknowledged(alarm.state)) {
      c.unack += 1;
    }
  }
  return counts;
}

export function emptyCounts() {
  return Object.fromEntries(PRIORITIES.map((p) => [p, { active: 0, unack: 0 }]));
}

/**
 * The counts as a row of marks per priority, greyed where there are none: "◆1 2 active, 1 unack", or, compact (in a
 * fleet tile), "◆1 2 (1 unack)" with the words in the title.
 */
export function countsElement(counts, compact = false) {
  const row = element('span', 'alarm-counts');
  for (const p of PRIORITIES) {
    const c = counts[p];
    const item = element('span', 'count' + (c.active + c.unack > 0 ? ' count-' + p : ' count-none'));
    item.dataset.priority = p;
    const words = c.active + ' active' + (c.unack > 0 ? ', ' + c.unack + ' unack' : '');
    item.append(priorityMark(p), ' ' + (compact ? c.active + (c.unack > 0 ? ' (' + c.unack + ' unack)' : '') : words));
    item.title = p + ': ' + words;
    row.append(item);
  }
  return row;
}
