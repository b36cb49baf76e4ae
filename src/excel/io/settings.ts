import { DEFAULT_SETTINGS } from '../../port/api';
import type { LoadedSettings, Outcome, Settings } from '../../port/api';
import { excelMessages as m, outcomeError } from '../messages';
import { toOutcomeError } from './officeErrors';

/** The one workbook setting the add-in keeps (JSON, travels with the file). */
export const SETTINGS_KEY = 'perf.settings';

/**
 * Settings from a stored value, field by field: anything missing or malformed falls back to
 * the default for that field (a file saved by an older version still opens), `damaged`
 * says whether anything had to be replaced and `replaced` which fields.
 *
 * @example
 * settingsFrom({ mode: 'formulas', palette: 'neon' }) // { settings: { ...DEFAULT_SETTINGS, mode: 'formulas' }, damaged: true, replaced: ['palette'] }
 */
export function settingsFrom(stored: unknown): { settings: Settings; damaged: boolean; replaced: Array<keyof Settings> } {
  if (stored === undefined || stored === null) return { settings: { ...DEFAULT_SETTINGS }, damaged: false, replaced: [] };
  if (typeof stored !== 'object' || Array.isArray(stored)) {
    return { settings: { ...DEFAULT_SETTINGS }, damaged: true, replaced: Object.keys(DEFAULT_SETTINGS) as Array<keyof Settings> };
  }
  const s = stored as Record<string, unknown>;
  const replaced: Array<keyof Settings> = [];
  const pick = <T>(key: keyof Settings, ok: (v: unknown) => v is T, fallback: T): T => {
    if (!(key in s)) return fallback;
    if (ok(s[key])) return s[key] as T;
    replaced.push(key);
    return fallback;
  };
  const settings: Settings = {
    convention: pick('convention', (v): v is Settings['convention'] => v === 'performance' || v === 'numeric', DEFAULT_SETTINGS.convention),
    mode: pick('mode', (v): v is Settings['mode'] => v === 'static' || v === 'formulas', DEFAULT_SETTINGS.mode),
    population: pick('population', (v): v is number | null => v === null || (typeof v === 'number' && Number.isFinite(v) && v > 0), DEFAULT_SETTINGS.population),
    palette: pick('palette', (v): v is Settings['palette'] => v === 'standard' || v === 'highContrast', DEFAULT_SETTINGS.palette),
    paper: pick('paper', (v): v is Settings['paper'] => v === 'A4' || v === 'Letter' || v === 'A3', DEFAULT_SETTINGS.paper),
  };
  return { settings, damaged: replaced.length > 0, replaced };
}

/**
 * Reads the add-in's settings from `workbook.settings` in one round trip; defaults when
 * none were saved. A damaged stored value is not dropped silently: `damaged` says so, with
 * what to do, and the pane shows it.
 *
 * @example const s = await loadSettings(context); if (s.ok) s.value.settings.mode // 'static'
 */
export async function loadSettings(context: Excel.RequestContext): Promise<Outcome<LoadedSettings>> {
  try {
    const item = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY);
    item.load('value');
    await context.sync();
    const { settings, damaged, replaced } = settingsFrom(item.isNullObject ? undefined : item.value);
    return { ok: true, value: damaged ? { settings, damaged: outcomeError('settingsDamaged', m.settingsDamaged()), replaced } : { settings } };
  } catch (e) {
    return { ok: false, error: toOutcomeError(e) };
  }
}

/**
 * Saves the settings into the workbook (they travel with the file) in one round trip.
 *
 * @example await saveSettings(context, { ...DEFAULT_SETTINGS, mode: 'formulas' })
 */
export async function saveSettings(context: Excel.RequestContext, settings: Settings): Promise<Outcome<void>> {
  try {
    const clean = settingsFrom(settings).settings;
    context.workbook.settings.add(SETTINGS_KEY, clean);
    await context.sync();
    return { ok: true, value: undefined };
  } catch (e) {
    return { ok: false, error: toOutcomeError(e) };
  }
}
