// The HMI's API from the browser: same-origin requests with the session cookie, and the session's CSRF token in
// the X-CSRF-Token header on every request that changes something (the server refuses them without it).

let session = null;

/** The session (user, role, csrf_token, expiry), fetched once per page. */
export async function currentSession() {
  if (session === null) {
    const response = await fetch('/api/v1/session', { credentials: 'same-origin' });
    if (response.status === 401) {
      location.assign('/login?next=' + encodeURIComponent(location.pathname) + '&ended=1');
      throw new Error('session ended');
    }
    if (!response.ok) {
      throw new Error('session: HTTP ' + response.status);
    }
    session = await response.json();
  }
  return session;
}

/** Sends a request with a JSON body; resolves to the parsed answer, rejects with the server's reason. */
export async function send(method, path, body) {
  const { csrf_token: csrf } = await currentSession();
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 401) {
    location.assign('/login?next=' + encodeURIComponent(location.pathname) + '&ended=1');
    throw new Error('session ended');
  }
  const text = await response.text();
  const answer = text ? JSON.parse(text) : null;
  if (!response.ok) {
    throw new Error(answer && answer.reason ? answer.reason : 'HTTP ' + response.status);
  }
  return answer;
}

export async function getJson(path) {
  const response = await fetch(path, { credentials: 'same-origin' });
  if (response.status === 401) {
    location.assign('/login?next=' + encodeURIComponent(location.pathname) + '&ended=1');
    throw new Error('session ended');
  }
  const answer = await response.json();
  if (!response.ok) {
    throw new Error(answer && answer.reason ? answer.reason : 'HTTP ' + response.status);
  }
  return answer;
}

/** Shows a one-line outcome in an element (textContent only: nothing from the server becomes markup). */
export function say(element, text) {
  element.textContent = text;
  element.hidden = false;
}
