// A furnace's live data in the browser: one WebSocket per furnace and page (/live/{furnace}, the HMI's relay of the
// controller's stream), the snapshot merged from the deltas, and whether the data is live. It is stale when the socket
// is down, when the HMI says its link to the controller is down, or when nothing came for more than STALE_AFTER_MS
// (the controller sends nothing while it does not scan). The socket reconnects by itself, 1 s to 10 s apart.

const STALE_AFTER_MS = 2000;
const BACKOFF_MS = [1000, 2000, 5000, 10000];
const CHECK_MS = 250;
/** The HMI's close code for a connection whose session has ended (LiveRelay.SESSION_ENDED). */
const SESSION_ENDED = 4401;

const registry = new Map();

/** The one live connection of this page to a furnace, shared by the page's modules. */
export function liveFor(furnace) {
  let live = registry.get(furnace);
  if (!live) {
    live = new FurnaceLive(furnace);
    registry.set(furnace, live);
  }
  return live;
}

class FurnaceLive {
  constructor(furnace) {
    this.furnace = furnace;
    this.snapshot = null;
    this.link = null;
    this.socketOpen = false;
    this.lastLive = null; // epoch ms of the last snapshot or delta received while the link was up
    this.failures = 0;
    this.listeners = new Set();
    this.wasStale = true;
    this.pending = false;
    this.connect();
    setInterval(() => this.check(), CHECK_MS);
  }

  /** Calls listener(live) now and after every change, at most once per animation frame. */
  subscribe(listener) {
    this.listeners.add(listener);
    listener(this);
  }

  get stale() {
    return !this.socketOpen || !this.link || !this.link.connected || this.snapshot === null
      || this.lastLive === null || Date.now() - this.lastLive > STALE_AFTER_MS;
  }

  /** Since when the data is not live (epoch ms), or null if it never was. */
  get staleSince() {
    if (this.lastLive !== null) {
      return this.lastLive;
    }
    return this.link && this.link.last_heard ? Date.parse(this.link.last_heard) : null;
  }

  /** Why the data is not live, in words. */
  get staleReason() {
    if (!this.socketOpen) {
      return 'the HMI does not answer';
    }
    if (this.link && !this.link.connected) {
      return this.link.problem || 'the controller is not connected';
    }
    return 'no data for more than ' + STALE_AFTER_MS / 1000 + ' s';
  }

  value(name) {
    return this.snapshot ? this.snapshot.values[name] : undefined;
  }

  quality(name) {
    return this.snapshot ? this.snapshot.quality[name] : undefined;
  }

  connect() {
    const scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
    const socket = new WebSocket(scheme + location.host + '/live/' + encodeURIComponent(this.furnace));
    socket.addEventListener('open', () => {
      this.socketOpen = true;
    });
    socket.addEventListener('message', (event) => this.received(JSON.parse(event.data)));
    socket.addEventListener('close', (event) => {
      if (event.code === SESSION_ENDED) {
        location.assign('/login?next=' + encodeURIComponent(location.pathname) + '&ended=1');
        return;
      }
      this.socketOpen = false;
      this.changed();
      const wait = BACKOFF_MS[Math.min(this.failures, BACKOFF_MS.length - 1)];
      this.failures += 1;
      setTimeout(() => this.connect(), wait);
    });
  }

  received(message) {
    if (message.type === 'link') {
      this.link = message;
      if (!message.connected && message.last_heard && this.lastLive === null) {
        this.lastLive = Date.parse(message.last_heard);
      }
    } else if (message.type === 'snapshot') {
      this.snapshot = message;
      this.heard();
    } else if (message.type === 'delta' && this.snapshot !== null) {
      merge(this.snapshot, message);
      this.heard();
    }
    this.changed();
  }

  heard() {
    if (this.link && this.link.connected) {
      this.lastLive = Date.now();
      this.failures = 0;
    }
  }

  check() {
    const stale = this.stale;
    if (stale !== this.wasStale) {
      this.changed();
    }
  }

  changed() {
    if (this.pending) {
      return;
    }
    this.pending = true;
    requestAnimationFrame(() => {
      this.pending = false;
      this.wasStale = this.stale;
      for (const listener of this.listeners) {
        listener(this);
      }
    });
  }
}

/** Brings a snapshot up to a delta: values and qualities name by name, alarms and safety whole when sent. */
function merge(snapshot, delta) {
  for (const [key, value] of Object.entries(delta)) {
    if (key === 'type') {
      continue;
    }
    if (key === 'values' || key === 'quality') {
      Object.assign(snapshot[key], value);
    } else {
      snapshot[key] = value;
    }
  }
}

let fleet = null;

/** The names of the furnaces this HMI shows, in its configuration's order (fetched once per page). */
export function fleetNames() {
  if (fleet === null) {
    fleet = fetch('/api/v1/furnaces', { credentials: 'same-origin' }).then((response) => {
      if (response.status === 401) {
        location.assign('/login?next=' + encodeURIComponent(location.pathname) + '&ended=1');
      }
      if (!response.ok) {
        throw new Error('furnaces: HTTP ' + response.status);
      }
      return response.json();
    }).then((list) => list.map((f) => f.name));
  }
  return fleet;
}

/** The furnaces of a screen: the one named on the element, or the whole fleet. */
export async function scopeOf(element) {
  return element.dataset.furnace ? [element.dataset.furnace] : fleetNames();
}
