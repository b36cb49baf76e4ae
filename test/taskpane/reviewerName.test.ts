/** @jest-environment jsdom */
import { reviewerNameStore } from '../../src/taskpane/reviewerName';

type Runtime = { storage: { getItem(k: string): Promise<string | null>; setItem(k: string, v: string): Promise<void> } };
const g = globalThis as { OfficeRuntime?: Runtime };

function installRuntime(setItem?: (k: string, v: string) => Promise<void>): Map<string, string> {
  const items = new Map<string, string>();
  g.OfficeRuntime = {
    storage: {
      getItem: async (k) => items.get(k) ?? null,
      setItem: setItem ?? (async (k, v) => void items.set(k, v)),
    },
  };
  return items;
}

describe('reviewerNameStore', () => {
  afterEach(() => {
    delete g.OfficeRuntime;
    window.localStorage.clear();
  });

  it('keeps the name in the pane\'s localStorage outside Office, trimmed', async () => {
    const store = reviewerNameStore();
    expect(await store.load()).toBe('');
    expect(await store.save('  Anne Hawke ')).toBe(true);
    expect(await reviewerNameStore().load()).toBe('Anne Hawke');
    expect(Object.keys(window.localStorage)).toHaveLength(1);
  });

  it('prefers OfficeRuntime.storage when the host has it, leaving localStorage alone', async () => {
    const items = installRuntime();
    const store = reviewerNameStore();
    await store.save('Sam Patel');
    expect([...items.values()]).toEqual(['Sam Patel']);
    expect(window.localStorage).toHaveLength(0);
    expect(await reviewerNameStore().load()).toBe('Sam Patel');
  });

  it('reports a store that refuses the name instead of throwing', async () => {
    installRuntime(async () => {
      throw new Error('QuotaExceeded');
    });
    expect(await reviewerNameStore().save('Anne Hawke')).toBe(false);
  });
});
