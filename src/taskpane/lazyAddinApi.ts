import type { AddinApi, Outcome, OutcomeError } from '../port/api';

type Method = keyof AddinApi;

/** Every call of AddinApi; the compiler checks none is missing (see `Complete`). */
const METHODS = [
  'detect',
  'format',
  'rollForward',
  'selectCell',
  'loadRevisions',
  'compareWithFile',
  'highlightRevisions',
  'clearHighlights',
  'markRevision',
  'publish',
  'loadSettings',
  'saveSettings',
  'draftSummary',
  'writeSummary',
] as const satisfies readonly Method[];

// A method added to AddinApi and not listed above fails to compile here.
type Complete = Exclude<Method, (typeof METHODS)[number]> extends never ? true : never;
const complete: Complete = true;
void complete;

type AnyCall = (...args: unknown[]) => Promise<Outcome<unknown>>;

/**
 * An AddinApi whose implementation loads on its first call: the pane paints (title, tabs,
 * skeleton) from the scripts the page loads up front, while the adapter and the engine it
 * plans with arrive in a chunk of their own. A chunk that fails to load is an Outcome
 * (`loadFailed` words it), never a throw; the next call tries again.
 *
 * @example
 * const api = lazyAddinApi(async () => (await import('../excel/addinApi')).createExcelAddinApi(), (e) => ({ message: String(e) }));
 */
export function lazyAddinApi(load: () => Promise<AddinApi>, loadFailed: (e: unknown) => OutcomeError): AddinApi {
  let loading: Promise<AddinApi> | undefined;
  const loaded = (): Promise<AddinApi> => {
    loading ??= load().catch((e: unknown) => {
      loading = undefined;
      throw e;
    });
    return loading;
  };
  const api: Partial<Record<Method, AnyCall>> = {};
  for (const name of METHODS) {
    api[name] = async (...args: unknown[]): Promise<Outcome<unknown>> => {
      let real: AddinApi;
      try {
        real = await loaded();
      } catch (e) {
        return { ok: false, error: loadFailed(e) };
      }
      return (real[name] as AnyCall)(...args);
    };
  }
  return api as unknown as AddinApi;
}
