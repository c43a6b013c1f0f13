// The session page's own-password form: sends the current and the new password through the users API.
import { send, say } from './api.js';

const form = document.getElementById('own-password');
const result = document.getElementById('own-password-result');

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  try {
    await send('POST', '/api/v1/users/' + encodeURIComponent(form.dataset.user) + '/password', {
      current_password: document.getElementById('current').value,
      new_password: document.getElementById('new').value,
    });
    form.reset();
    say(result, 'Password changed. Your other sessions have ended.');
  } catch (error) {
    say(result, 'Not changed: ' + error.message);
  }
});
