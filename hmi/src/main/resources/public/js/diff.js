// Two versions of a recipe side by side, line by line: the longest common subsequence of their lines kept in step,
// lines only on the left removed, only on the right added, and a removed line facing an added one shown as changed.
import { getJson } from './api.js';
import { dateTime, element } from './format.js';

const root = document.getElementById('diff');
const recipe = root.dataset.recipe;
const base = '/api/v1/recipes/' + encodeURIComponent(recipe) + '/versions/';

/** Edit script of a and b: [{kind: same|removed|added, a?, b?}] with 1-based line numbers. */
export function lineDiff(a, b) {
  const n = a.length;
  const m = b.length;
  const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const script = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      script.push({ kind: 'same', a: i + 1, b: j + 1 });
      i++;
      j++;
    } else if (j < m && (i === n || lcs[i][j + 1] >= lcs[i + 1][j])) {
      script.push({ kind: 'added', b: j + 1 });
      j++;
    } else {
      script.push({ kind: 'removed', a: i + 1 });
      i++;
    }
  }
  return script;
}

/** Rows of the side-by-side view: a run of removed lines faces the run of added lines that follows it. */
function rows(script) {
  const out = [];
  for (let k = 0; k < script.length;) {
    if (script[k].kind === 'same') {
      out.push({ kind: 'same', a: script[k].a, b: script[k].b });
      k++;
      continue;
    }
    const removed = [];
    const added = [];
    while (k < script.length && script[k].kind !== 'same') {
      (script[k].kind === 'removed' ? removed : added).push(script[k]);
      k++;
    }
    for (let r = 0; r < Math.max(removed.length, added.length); r++) {
      const a = removed[r] ? removed[r].a : null;
      const b = added[r] ? added[r].b : null;
      out.push({ kind: a !== null && b !== null ? 'changed' : a !== null ? 'removed' : 'added', a, b });
    }
  }
  return out;
}

function cells(number, line, kind) {
  return [element('td', 'ln', number === null ? '' : String(number)),
    element('td', 'code ' + (number === null ? 'empty' : kind), number === null ? '' : line)];
}

function heading(cell, v) {
  cell.textContent = 'v' + v.version + ' – ' + v.author + ', ' + dateTime(v.time) + ': ' + v.comment
    + (v.approved ? ' (approved by ' + v.approved_by + ')' : ' (not approved)');
}

async function show() {
  const summary = document.getElementById('diff-summary');
  if (root.dataset.a === '' || root.dataset.b === '') {
    summary.textContent = 'Pick two versions on the recipe\'s page to compare them.';
    return;
  }
  let left;
  let right;
  try {
    [left, right] = await Promise.all([getJson(base + root.dataset.a), getJson(base + root.dataset.b)]);
  } catch (error) {
    summary.textContent = 'The versions could not be read: ' + error.message;
    return;
  }
  heading(document.getElementById('diff-a'), left);
  heading(document.getElementById('diff-b'), right);
  const a = left.yaml.split('\n');
  const b = right.yaml.split('\n');
  const table = rows(lineDiff(a, b));
  const counts = { changed: 0, added: 0, removed: 0 };
  document.querySelector('#diff-table tbody').replaceChildren(...table.map((r) => {
    if (r.kind !== 'same') {
      counts[r.kind]++;
    }
    const tr = element('tr', 'diff-' + r.kind);
    tr.append(...cells(r.a, r.a === null ? '' : a[r.a - 1], r.kind),
      ...cells(r.b, r.b === null ? '' : b[r.b - 1], r.kind));
    return tr;
  }));
  summary.textContent = counts.changed + counts.added + counts.removed === 0
    ? 'v' + left.version + ' and v' + right.version + ' have the same text.'
    : 'From v' + left.version + ' to v' + right.version + ': ' + counts.changed + ' line(s) changed, '
      + counts.added + ' added, ' + counts.removed + ' removed.';
}

show();
