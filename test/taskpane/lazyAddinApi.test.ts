import { DEFAULT_SETTINGS, type AddinApi } from '../../src/port/api';
import { lazyAddinApi } from '../../src/taskpane/lazyAddinApi';
import { createFakeAddinApi, samplePreview } from '../fakes/fakeAddinApi';

const failed = (e: unknown) => ({ code: 'unexpected' as const, message: `not loaded: ${e instanceof Error ? e.message : String(e)}`, action: 'reopen' });

describe('lazyAddinApi', () => {
  it('loads the implementation on the first call only and passes every call and its arguments on', async () => {
    const real = createFakeAddinApi();
    const load = jest.fn(async (): Promise<AddinApi> => real);
    const api = lazyAddinApi(load, failed);
    expect(load).not.toHaveBeenCalled();

    await expect(api.detect(DEFAULT_SETTINGS)).resolves.toEqual({ ok: true, value: samplePreview });
    await api.selectCell("'Dec-20'!H12");
    await api.loadSettings();
    expect(load).toHaveBeenCalledTimes(1);
    expect(real.callsTo('detect')).toEqual([[DEFAULT_SETTINGS]]);
    expect(real.callsTo('selectCell')).toEqual([["'Dec-20'!H12"]]);
  });

  it('turns a chunk that fails to load into an Outcome, and tries again on the next call', async () => {
    const real = createFakeAddinApi();
    const load = jest.fn<Promise<AddinApi>, []>().mockRejectedValueOnce(new Error('ChunkLoadError')).mockResolvedValue(real);
    const api = lazyAddinApi(load, failed);

    await expect(api.loadSettings()).resolves.toEqual({ ok: false, error: { code: 'unexpected', message: 'not loaded: ChunkLoadError', action: 'reopen' } });
    const second = await api.detect(DEFAULT_SETTINGS);
    expect(second.ok).toBe(true);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('shares one load between calls made before it finishes', async () => {
    const real = createFakeAddinApi();
    let release: (api: AddinApi) => void = () => undefined;
    const load = jest.fn(() => new Promise<AddinApi>((resolve) => (release = resolve)));
    const api = lazyAddinApi(load, failed);
    const both = Promise.all([api.loadSettings(), api.detect(DEFAULT_SETTINGS)]);
    release(real);
    const [settings, detected] = await both;
    expect(settings.ok && detected.ok).toBe(true);
    expect(load).toHaveBeenCalledTimes(1);
  });
});
