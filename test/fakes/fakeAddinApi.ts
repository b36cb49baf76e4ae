import type {
  AddinApi,
  FormatPreview,
  FormatSummary,
  LoadedSettings,
  Outcome,
  OutcomeError,
  Progress,
  RevisionView,
  RevisionsResult,
  ReviewStatus,
  SummaryDraftView,
} from '../../src/port/api';
import { DEFAULT_SETTINGS } from '../../src/port/api';

/** One recorded call: the method and the arguments it received. */
export interface FakeCall {
  method: keyof AddinApi;
  args: unknown[];
}

/** A promise the test resolves when it chooses; lets a test hold a call mid-way without timers. */
export interface Gate {
  promise: Promise<void>;
  open: () => void;
}

export function gate(): Gate {
  let open: () => void = () => undefined;
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

export interface FakeAddinApiConfig {
  settings: Outcome<LoadedSettings>;
  saveSettings: Outcome<void>;
  preview: Outcome<FormatPreview>;
  /** Progress reported before the write starts (reading, planning). */
  progressBeforeWrite: Progress[];
  /** Format waits here (after `progressBeforeWrite`) before the write starts; cancellable until it opens. */
  formatGate: Gate | null;
  /** Format waits here after reporting the write stage; cancelling then has no effect. */
  writeGate: Gate | null;
  formatResult: Outcome<FormatSummary>;
  rollForward: Outcome<{ sheetName: string; warnings?: string[] }>;
  selectCell: Outcome<void>;
  revisions: Outcome<RevisionsResult>;
  compareWithFile: Outcome<RevisionsResult>;
  highlight: Outcome<{ highlighted: number; warnings?: string[] }>;
  clear: Outcome<{ cleared: number; warnings?: string[] }>;
  /** Default: the revision with the new status, comment and reviewer ('Test Reviewer' when none is given). */
  markRevision: ((id: string, status: ReviewStatus, comment: string, reviewer?: string) => Outcome<RevisionView>) | null;
  publish: Outcome<{ figures: number; month: string }>;
  summary: Outcome<SummaryDraftView>;
  writeSummary: Outcome<{ sheetName: string; lines: number }>;
  /** A call to a method listed here waits until its gate opens (e.g. to see a loading state). */
  gates: Partial<Record<keyof AddinApi, Gate>>;
  /** Every call waits this long first (for browser demos; tests prefer gates). */
  delayMs: number;
}

export interface FakeAddinApi extends AddinApi {
  config: FakeAddinApiConfig;
  calls: FakeCall[];
  /** How many Formats got as far as starting the write (a cancelled one must not). */
  writesStarted: number;
  /** Arguments of every call to one method, in order. */
  callsTo: (method: keyof AddinApi) => unknown[][];
}

export const CANCELLED: OutcomeError = { code: 'cancelled', message: 'Format was cancelled before anything was written.' };

export const samplePreview: FormatPreview = {
  table: { sheetName: 'Dec-20', tables: 2, indicatorRows: 38, reportingMonth: 'Dec-20' },
  dotCells: 36,
  ragCells: 21,
  ragCounts: { red: 4, amber: 3, green: 14, blank: 17 },
  formattedCells: 912,
  problems: [
    {
      address: "'Dec-20'!M14",
      indicator: '2.2 Re-referrals within 12 months',
      message: 'Red "<25%" and Green "20%" overlap between 20% and 25%.',
    },
    {
      address: "'Dec-20'!H21",
      indicator: '4.1 Early Help assessments completed',
      message: 'The value "TBC Feb 19" is missing; no RAG.',
    },
  ],
};

export const sampleSummary: FormatSummary = {
  sheetName: 'Dec-20',
  rows: 38,
  ragCounts: { red: 4, amber: 3, green: 14, blank: 17 },
  problems: [],
  revisions: 3,
};

/** A short drafted summary; the second section's name is cell text that looks like markup. */
export const sampleSummaryDraft: SummaryDraftView = {
  sheetName: 'Dec-20',
  month: 'Dec-20',
  lines: [
    { text: 'Committee summary draft: Dec-20 (sheet "Dec-20")', level: 0 },
    { text: 'FRONT DOOR', level: 1 },
    { text: 'Areas of focus', level: 2 },
    { text: '• 2.2: % of contacts with a decision within 1 working day was 57.2% in December, below the 90% target (November 61.0%).', level: 3 },
    { text: '<b>EARLY HELP</b>', level: 1 },
    { text: 'What’s working well', level: 2 },
    { text: '• 3.1a: Number of Early Help Assessments was 70 in December (November 61).', level: 3 },
  ],
  text: 'Committee summary draft: Dec-20 (sheet "Dec-20")\n\nFRONT DOOR\nAreas of focus\n• 2.2: % of contacts with a decision within 1 working day was 57.2% in December, below the 90% target (November 61.0%).\n\n<b>EARLY HELP</b>\nWhat’s working well\n• 3.1a: Number of Early Help Assessments was 70 in December (November 61).',
  bullets: 2,
};

export const sampleRevisions: RevisionView[] = [
  {
    id: '1.0|Nov-20',
    ref: '1.0',
    indicator: 'Number of contacts received in Front Door',
    month: 'Nov-20',
    address: "'Dec-20'!G12",
    published: '794',
    current: '801',
    change: '+7',
    status: 'pending',
  },
  {
    id: '2.2|Oct-20',
    ref: '2.2',
    indicator: 'Re-referrals within 12 months',
    month: 'Oct-20',
    address: "'Dec-20'!F15",
    published: '21.4%',
    current: '22.0%',
    change: '+0.6 pts',
    status: 'pending',
  },
  {
    id: '4.1|Nov-20',
    ref: '4.1',
    indicator: 'Early Help assessments completed',
    month: 'Nov-20',
    address: "'Dec-20'!G21",
    published: 'TBC',
    current: '95.0%',
    change: 'TBC \u2192 95.0%',
    status: 'pending',
  },
];

function defaults(): FakeAddinApiConfig {
  return {
    settings: { ok: true, value: { settings: DEFAULT_SETTINGS } },
    saveSettings: { ok: true, value: undefined },
    preview: { ok: true, value: samplePreview },
    progressBeforeWrite: [
      { stage: 'reading', fraction: 0.1 },
      { stage: 'planning', fraction: 0.4 },
    ],
    formatGate: null,
    writeGate: null,
    formatResult: { ok: true, value: sampleSummary },
    rollForward: { ok: true, value: { sheetName: 'Jan-21' } },
    selectCell: { ok: true, value: undefined },
    revisions: { ok: true, value: { baseline: { kind: 'sheet', sheetName: 'Nov-20' }, revisions: sampleRevisions } },
    compareWithFile: {
      ok: true,
      value: { baseline: { kind: 'file', fileName: 'Nov-20.xlsx' }, revisions: sampleRevisions.slice(0, 1) },
    },
    highlight: { ok: true, value: { highlighted: 3 } },
    clear: { ok: true, value: { cleared: 3 } },
    markRevision: null,
    publish: { ok: true, value: { figures: 412, month: 'Dec-20' } },
    summary: { ok: true, value: sampleSummaryDraft },
    writeSummary: { ok: true, value: { sheetName: 'Summary Dec-20', lines: 7 } },
    gates: {},
    delayMs: 0,
  };
}

/**
 * A configurable AddinApi for pane tests and browser demos: records every call, returns
 * the configured outcomes, can wait (gates, or a delay) and honours the AbortSignal of
 * `format` until the write starts, as the real adapter must.
 *
 * @example
 * const api = createFakeAddinApi({ formatResult: { ok: false, error: { code: 'sheetProtected', message: 'Sheet is protected' } } });
 */
export function createFakeAddinApi(overrides: Partial<FakeAddinApiConfig> = {}): FakeAddinApi {
  const config: FakeAddinApiConfig = { ...defaults(), ...overrides };
  const calls: FakeCall[] = [];
  const record = (method: keyof AddinApi, ...args: unknown[]): void => {
    calls.push({ method, args });
  };
  const wait = async (method: keyof AddinApi): Promise<void> => {
    const held = config.gates[method];
    if (config.delayMs > 0) await new Promise((r) => setTimeout(r, config.delayMs));
    if (held) await held.promise;
  };
  const revisionsById = (): RevisionView[] =>
    config.revisions.ok ? config.revisions.value.revisions : sampleRevisions;

  const api: FakeAddinApi = {
    config,
    calls,
    writesStarted: 0,
    callsTo: (method) => calls.filter((c) => c.method === method).map((c) => c.args),

    async detect(settings) {
      record('detect', settings);
      await wait('detect');
      return config.preview;
    },
    async format(settings, onProgress, signal) {
      record('format', settings);
      await wait('format');
      for (const p of config.progressBeforeWrite) {
        if (signal.aborted) return { ok: false, error: CANCELLED };
        onProgress(p);
      }
      if (config.formatGate) {
        const aborted = new Promise<'aborted'>((resolve) => signal.addEventListener('abort', () => resolve('aborted')));
        const outcome = await Promise.race([config.formatGate.promise.then(() => 'open' as const), aborted]);
        if (outcome === 'aborted') return { ok: false, error: CANCELLED };
      }
      if (signal.aborted) return { ok: false, error: CANCELLED };
      // From here the write has started: the signal is ignored, the sheet is never half formatted.
      api.writesStarted += 1;
      onProgress({ stage: 'writing', fraction: 0.7 });
      if (config.writeGate) await config.writeGate.promise;
      onProgress({ stage: 'done', fraction: 1 });
      return config.formatResult;
    },
    async rollForward() {
      record('rollForward');
      await wait('rollForward');
      return config.rollForward;
    },
    async selectCell(address) {
      record('selectCell', address);
      await wait('selectCell');
      return config.selectCell;
    },
    async loadRevisions() {
      record('loadRevisions');
      await wait('loadRevisions');
      return config.revisions;
    },
    async compareWithFile(fileName, data) {
      record('compareWithFile', fileName, data);
      await wait('compareWithFile');
      return config.compareWithFile;
    },
    async highlightRevisions() {
      record('highlightRevisions');
      await wait('highlightRevisions');
      return config.highlight;
    },
    async clearHighlights() {
      record('clearHighlights');
      await wait('clearHighlights');
      return config.clear;
    },
    async markRevision(id, status, comment, reviewer) {
      // The reviewer is recorded only when given, so calls without one read as before.
      record('markRevision', id, status, comment, ...(reviewer !== undefined ? [reviewer] : []));
      await wait('markRevision');
      if (config.markRevision) return config.markRevision(id, status, comment, reviewer);
      const found = revisionsById().find((r) => r.id === id);
      if (!found) return { ok: false, error: { code: 'unknownRevision', message: `No revision ${id}.` } };
      // As the adapter: a blank name falls back to the user it was created with.
      return { ok: true, value: { ...found, status, comment, reviewer: reviewer?.trim() || 'Test Reviewer', at: '2021-01-05T10:00:00Z' } };
    },
    async publish(reviewer) {
      record('publish', ...(reviewer !== undefined ? [reviewer] : []));
      await wait('publish');
      return config.publish;
    },
    async loadSettings() {
      record('loadSettings');
      await wait('loadSettings');
      return config.settings;
    },
    async saveSettings(settings) {
      record('saveSettings', settings);
      await wait('saveSettings');
      return config.saveSettings;
    },
    async draftSummary(settings) {
      record('draftSummary', settings);
      await wait('draftSummary');
      return config.summary;
    },
    async writeSummary(settings) {
      record('writeSummary', settings);
      await wait('writeSummary');
      return config.writeSummary;
    },
  };
  return api;
}
