// A furnace's alarm journal in the browser: the newest event of every alarm (its text, when it entered its state),
// read from the controller's event stream through /api/v1/furnaces/{f}/events. It reads forward from the newest events
// the page knows of, and back only as far as it must to find the alarms still not normal, in pages of 1000, so that a
// journal of tens of thousands of events costs a few requests.
import { getJson } from './api.js';

const PAGE = 1000;
const READ_EVERY_MS = 1000;
const journals = new Map();

/** The one journal of this page for a furnace. */
export function journalFor(furnace) {
  let journal = journals.get(furnace);
  if (!journal) {
    journal = new AlarmJournal(furnace);
    journals.set(furnace, journal);
  }
  return journal;
}

export class AlarmJournal {
  constructor(furnace) {
    this.furnace = furnace;
    this.newest = new Map();
    this.through = null;
    this.lowest = null;
    this.running = null;
    this.next = null;
    this.listeners = new Set();
  }

  /** Calls listener() whenever a read brought something new. */
  subscribe(listener) {
    this.listeners.add(listener);
  }

  /** The newest event of an alarm, if read. */
  entry(alarm) {
    return this.newest.get(alarm);
  }

  /** Keeps the newest alarm event per alarm. */
  ingest(events) {
    let changed = false;
    for (const event of events) {
      if (event.kind !== 'alarm') {
        continue;
      }
      const known = this.newest.get(event.alarm);
      if (!known || known.seq < event.seq) {
        this.newest.set(event.alarm, event);
        changed = true;
      }
    }
    return changed;
  }

  /**
   * Reads up to the controller's event `head` (the snapshot's last_event_seq) and back until every alarm in `wanted`
   * is found. Calls made while a read runs are folded into one more read after it.
   */
  sync(head, wanted) {
    if (this.running) {
      this.next = { head, wanted };
      return this.running;
    }
    this.running = this.read(head, wanted).catch(() => false).then((changed) => {
      this.running = null;
      if (changed) {
        this.listeners.forEach((listener) => listener());
      }
      if (this.next) {
        const { head: h, wanted: w } = this.next;
        this.next = null;
        return this.sync(h, w);
      }
      return undefined;
    });
    return this.running;
  }

  async read(head, wanted) {
    let changed = false;
    if (this.through !== null && head < this.through) {
      // the controller started a new run: its sequence numbers began again
      this.newest.clear();
      this.through = null;
      changed = true;
    }
    if (this.through === null) {
      this.through = Math.max(0, head - PAGE);
      this.lowest = this.through;
    }
    while (this.through < head) {
      const batch = await this.page(this.through, PAGE);
      changed = this.ingest(batch.events) || changed;
      if (batch.through <= this.through) {
        break;
      }
      this.through = batch.through;
    }
    while (this.lowest > 0 && wanted.some((alarm) => !this.newest.has(alarm))) {
      const from = Math.max(0, this.lowest - PAGE);
      const batch = await this.page(from, this.lowest - from);
      changed = this.ingest(batch.events) || changed;
      this.lowest = from;
    }
    return changed;
  }

  page(after, max) {
    return getJson('/api/v1/furnaces/' + encodeURIComponent(this.furnace) + '/events?after=' + after + '&max=' + max);
  }
}

const following = new Set();

/**
 * Keeps a furnace's journal up with its live data: when the controller's event position moves, at most once a
 * second, it reads what is new and whatever older events the alarms not normal need. Once per furnace and page.
 */
export function keepUp(live) {
  if (following.has(live.furnace)) {
    return;
  }
  following.add(live.furnace);
  const journal = journalFor(live.furnace);
  let last = 0;
  let timer = null;
  live.subscribe(() => {
    if (!live.snapshot || timer !== null || live.snapshot.last_event_seq === journal.through) {
      return;
    }
    timer = setTimeout(() => {
      timer = null;
      last = Date.now();
      journal.sync(live.snapshot.last_event_seq, Object.keys(live.snapshot.alarms.not_normal));
    }, Math.max(0, last + READ_EVERY_MS - Date.now()));
  });
}
