/**
 * The reviewer's name belongs to the person, not the workbook: a workbook passed to a
 * colleague must not record their reviews under the previous analyst's name. So it is kept
 * on this computer (OfficeRuntime.storage where the host has it, shared with the add-in's
 * other runtimes; else the pane's localStorage), never in the workbook's settings.
 */

const KEY = 'perf.reviewerName';

/** Where the name is kept; both methods resolve, never reject. */
export interface NameStore {
  /** The remembered name, '' when none (or the store cannot be read). */
  load(): Promise<string>;
  /** Remembers the name; false when the store refused (private browsing, storage full). */
  save(name: string): Promise<boolean>;
}

interface KeyValue {
  getItem(key: string): Promise<string | null> | string | null;
  setItem(key: string, value: string): Promise<void> | void;
}

function officeStorage(): KeyValue | null {
  // OfficeRuntime exists only inside Office; reading a missing global must not throw.
  const runtime = (globalThis as { OfficeRuntime?: { storage?: KeyValue } }).OfficeRuntime;
  return runtime?.storage ?? null;
}

function browserStorage(): KeyValue | null {
  try {
    return typeof window !== 'undefined' && window.localStorage ? window.localStorage : null;
  } catch {
    // Some browsers throw on the mere access to localStorage when storage is blocked.
    return null;
  }
}

/**
 * The name store of this pane: OfficeRuntime.storage if the host provides it, else localStorage.
 *
 * @example
 * const store = reviewerNameStore();
 * await store.save('Anne Hawke');
 * await store.load(); // 'Anne Hawke'
 */
export function reviewerNameStore(): NameStore {
  const storage = officeStorage() ?? browserStorage();
  return {
    async load() {
      if (!storage) return '';
      try {
        return (await storage.getItem(KEY)) ?? '';
      } catch {
        return '';
      }
    },
    async save(name) {
      if (!storage) return false;
      try {
        await storage.setItem(KEY, name.trim());
        return true;
      } catch {
        return false;
      }
    },
  };
}
