import { excelMessages } from '../../src/excel/messages';
import { OfficeMockObject } from 'office-addin-mock';

// office-addin-mock loads office-addin-manifest only for its OfficeApp enum, and that
// package pulls in an ES-module-only dependency Jest (CommonJS here) cannot require.
jest.mock('office-addin-manifest', () => ({ OfficeApp: { Excel: 'excel', Outlook: 'outlook' } }));
import { loadSettings, saveSettings, settingsFrom, SETTINGS_KEY } from '../../src/excel/io/settings';
import { DEFAULT_SETTINGS, type Settings } from '../../src/port/api';
import { FakeWorkbook } from '../fakes/fakeExcel';

const CHOSEN: Settings = { convention: 'numeric', mode: 'formulas', population: 56_800, palette: 'highContrast', paper: 'Letter' };

describe('settings', () => {
  it('round-trips through workbook.settings as JSON', async () => {
    const wb = new FakeWorkbook();
    wb.addSheet('Dec-20');
    expect((await wb.run((ctx) => saveSettings(ctx, CHOSEN))).ok).toBe(true);
    expect(wb.setting(SETTINGS_KEY)).toEqual(CHOSEN);
    expect(await wb.run((ctx) => loadSettings(ctx))).toEqual({ ok: true, value: { settings: CHOSEN } });
  });

  it('gives the defaults when nothing was saved, in one round trip', async () => {
    const wb = new FakeWorkbook();
    wb.addSheet('Dec-20');
    expect(await wb.run((ctx) => loadSettings(ctx))).toEqual({ ok: true, value: { settings: DEFAULT_SETTINGS } });
    expect(wb.stats.syncs).toBe(1);
  });

  it.each([
    ['an unknown palette', { palette: 'neon' }, { ...DEFAULT_SETTINGS }, ['palette']],
    ['a negative population', { population: -5, mode: 'formulas' }, { ...DEFAULT_SETTINGS, mode: 'formulas' }, ['population']],
    ['a population of zero', { population: 0 }, { ...DEFAULT_SETTINGS }, ['population']],
    ['a string mode', { mode: 'live' }, { ...DEFAULT_SETTINGS }, ['mode']],
    ['a paper Format does not offer', { paper: 'B5', palette: 'highContrast' }, { ...DEFAULT_SETTINGS, palette: 'highContrast' }, ['paper']],
    ['a stored value that is not an object', ['static'], { ...DEFAULT_SETTINGS }, Object.keys(DEFAULT_SETTINGS)],
  ])('replaces %s with the default for that field only, and names it', (_name, stored, expected, replaced) => {
    expect(settingsFrom(stored)).toEqual({ settings: expected, damaged: true, replaced });
  });

  it('says when a stored setting was damaged, keeping the readable ones', async () => {
    const wb = new FakeWorkbook();
    wb.addSheet('Dec-20');
    await wb.run(async (ctx) => {
      ctx.workbook.settings.add(SETTINGS_KEY, { mode: 'formulas', palette: 'neon' });
      await ctx.sync();
    });
    expect(await wb.run((ctx) => loadSettings(ctx))).toEqual({
      ok: true,
      value: { settings: { ...DEFAULT_SETTINGS, mode: 'formulas' }, damaged: { code: 'settingsDamaged', message: excelMessages.settingsDamaged(), action: excelMessages.settingsDamagedAction() }, replaced: ['palette'] },
    });
  });

  it('keeps fields missing from an older save at their defaults without calling it damaged', () => {
    expect(settingsFrom({ mode: 'formulas' })).toEqual({ settings: { ...DEFAULT_SETTINGS, mode: 'formulas' }, damaged: false, replaced: [] });
  });

  it('maps an Office failure to an outcome, never throws', async () => {
    const wb = new FakeWorkbook();
    wb.addSheet('Dec-20');
    wb.editMode = true;
    const outcome = await wb.run((ctx) => saveSettings(ctx, CHOSEN));
    expect(outcome.ok).toBe(false);
  });

  // office-addin-mock models one fixed object tree with load/sync, which is all a single
  // setting lookup needs; the workbook fake is needed for collections, ranges and counting.
  // (The mock turns object values into mocks of their own, so it only stands in for "no setting".)
  it('gives the defaults through an OfficeMockObject context when the setting is absent', async () => {
    const mock = new OfficeMockObject({
      workbook: {
        settings: {
          absent: { isNullObject: true, value: '' },
          getItemOrNullObject(): unknown {
            return this.absent;
          },
        },
      },
    });
    const outcome = await loadSettings(mock as unknown as Excel.RequestContext);
    expect(outcome).toEqual({ ok: true, value: { settings: DEFAULT_SETTINGS } });
  });
});
