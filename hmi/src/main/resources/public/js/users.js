// The Users page: lists the users, creates one, changes a role; every change through the users API with the
// session's CSRF token (api.js). Values are put into the page as text, never as markup.
import { getJson, send, say } from './api.js';

const ROLES = ['operator', 'engineer', 'admin'];
const result = document.getElementById('result');
const tbody = document.querySelector('#users tbody');

function cell(text) {
  const td = document.createElement('td');
  td.textContent = text;
  return td;
}

/** 2026-03-02T08:00:00.123Z as 2026-03-02 08:00:00 UTC. */
function shownTime(iso) {
  return iso.slice(0, 19).replace('T', ' ') + ' UTC';
}

function roleSelect(user) {
  const select = document.createElement('select');
  select.setAttribute('aria-label', 'role of ' + user.name);
  for (const role of ROLES) {
    const option = document.createElement('option');
    option.value = role;
    option.textContent = role;
    option.selected = role === user.role;
    select.append(option);
  }
  select.addEventListener('change', async () => {
    const reason = prompt('Reason for changing the role of ' + user.name + ' to ' + select.value + ':', '');
    if (reason === null) {
      select.value = user.role;
      return;
    }
    try {
      await send('PUT', '/api/v1/users/' + encodeURIComponent(user.name), { role: select.value, reason });
      say(result, 'Role of ' + user.name + ' is now ' + select.value + '.');
      await load();
    } catch (error) {
      select.value = user.role;
      say(result, 'Not changed: ' + error.message);
    }
  });
  const td = document.createElement('td');
  td.append(select);
  return td;
}

async function load() {
  const users = await getJson('/api/v1/users');
  tbody.replaceChildren(...users.map((user) => {
    const tr = document.createElement('tr');
    tr.append(cell(user.name), cell(user.role), cell(user.enabled ? 'yes' : 'no'),
      cell(shownTime(user.password_changed)), roleSelect(user));
    return tr;
  }));
}

document.getElementById('create').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.target;
  const name = document.getElementById('new-name').value;
  try {
    await send('POST', '/api/v1/users', {
      name,
      role: document.getElementById('new-role').value,
      password: document.getElementById('new-password').value,
      reason: document.getElementById('new-reason').value,
    });
    form.reset();
    say(result, 'User ' + name + ' created.');
    await load();
  } catch (error) {
    say(result, 'Not created: ' + error.message);
  }
});

load().catch((error) => say(result, 'Users could not be read: ' + error.message));
