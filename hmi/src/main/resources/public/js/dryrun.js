// A dry run under way: its state asked for once a second until it ends; then the page is loaded again, which shows
// the run's report (or, for a run that failed, why).
import { getJson } from './api.js';

const root = document.getElementById('dry-run');
const state = document.getElementById('dry-run-state');
const opened = performance.now();

async function follow() {
  let run;
  try {
    run = await getJson('/api/v1/dry-runs/' + encodeURIComponent(root.dataset.id));
  } catch (error) {
    state.textContent = 'The dry run\'s state could not be read (' + error.message + '); asking again.';
    setTimeout(follow, 2000);
    return;
  }
  const waited = Math.round((performance.now() - opened) / 1000);
  if (run.state === 'queued') {
    state.textContent = 'Queued behind another dry run (' + waited + ' s).';
  } else if (run.state === 'running') {
    state.textContent = 'Running version ' + run.version + ' in virtual time against the simulated furnace ('
      + waited + ' s)…';
  } else if (run.state === 'failed') {
    state.classList.add('refused');
    state.textContent = 'The dry run failed: ' + run.problem;
    return;
  } else {
    location.reload();
    return;
  }
  setTimeout(follow, 1000);
}

follow();
