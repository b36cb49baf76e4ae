import { a1, qualified } from '../../src/domain/sheet/grid';
import { createExcelAddinApi } from '../../src/excel/addinApi';
import { excelMessages as m } from '../../src/excel/messages';
import type { AddinApi } from '../../src/port/api';
import { installFakeOffice, type FakeWorkbook } from '../fakes/fakeExcel';
import { FORMAT_SCENARIOS, formatScenario } from '../fixtures/formatScenarios';

function apiOn(wb: FakeWorkbook): AddinApi {
  return createExcelAddinApi({ run: (batch) => wb.run(batch) });
}

const signal = () => new AbortController().signal;

/** Runs `body` with the fake installed as the Office host (ExcelApi 1.18: notes, merged areas). */
async function onHost<T>(wb: FakeWorkbook, body: () => Promise<T>): Promise<T> {
  const uninstall = installFakeOffice(globalThis, wb);
  try {
    return await body();
  } finally {
    uninstall();
  }
}

describe('Format round trips on an ExcelApi 1.18 host', () => {
  // Read, write, clean-up: the physical minimum plus the one trip that must follow a successful write.
  it.each(FORMAT_SCENARIOS.filter((s) => s !== 'wide'))('formats the %s scenario in 3 round trips', async (name) => {
    const s = await formatScenario(name, 200);
    const outcome = await onHost(s.workbook, () => apiOn(s.workbook).format(s.settings, () => undefined, signal()));
    expect(outcome.ok).toBe(true);
    expect(s.workbook.stats.syncs).toBe(3);
    if (outcome.ok) expect(outcome.value.revisions).toBe(s.revised);
  });

  it('formats 5,000 rows of 24 months in 3 round trips, every response within 80% of the 5 MB limit', async () => {
    const s = await formatScenario('wide', 5000);
    const outcome = await onHost(s.workbook, () => apiOn(s.workbook).format(s.settings, () => undefined, signal()));
    expect(outcome.ok).toBe(true);
    expect(s.workbook.stats.syncs).toBe(3);
    // The read: values of every cell, text and number formats of the numbers only (readGrid.ts).
    expect(s.workbook.stats.maxResponseBytes).toBeLessThanOrEqual(0.8 * 5 * 1024 * 1024);
    expect(s.workbook.stats.maxPayloadBytes).toBeLessThanOrEqual(0.8 * 5 * 1024 * 1024);
  });

  it('formats a sheet too large for one response in row bands, with the same result and revision count', async () => {
    const whole = await formatScenario('baseline', 600);
    const expected = await onHost(whole.workbook, () => apiOn(whole.workbook).format(whole.settings, () => undefined, signal()));
    const banded = await formatScenario('baseline', 600);
    // Under the one read's response, so it is refused and the sheet is read in bands; above the
    // write's and the clean-up's (the table's values; the stored figures), which go through.
    const [read, ...later] = whole.workbook.stats.responses;
    expect(read).toBeGreaterThan(Math.max(...later));
    banded.workbook.responseLimitBytes = Math.floor((read + Math.max(...later)) / 2);
    const outcome = await onHost(banded.workbook, () => apiOn(banded.workbook).format(banded.settings, () => undefined, signal()));
    expect(outcome).toEqual(expected);
    expect(outcome.ok && outcome.value.revisions).toBe(banded.revised);
    expect(banded.workbook.stats.syncs).toBeGreaterThan(5);
    const sheet = (s: typeof whole) => s.workbook.sheet(s.grid.sheetName).snapshot();
    expect(sheet(banded)).toEqual(sheet(whole));
  });

  it('still counts the revised figures, and removes its backup, when the stored publication is too large for the clean-up\'s response', async () => {
    const s = await formatScenario('baseline', 300, { months: 24 });
    const whole = await formatScenario('baseline', 300, { months: 24 });
    await onHost(whole.workbook, () => apiOn(whole.workbook).format(whole.settings, () => undefined, signal()));
    const [read, write, cleanUp] = whole.workbook.stats.responses;
    // 24 months of published figures: the clean-up's loads outweigh the sheet's own read.
    expect(cleanUp).toBeGreaterThan(Math.max(read, write));
    s.workbook.responseLimitBytes = Math.floor((Math.max(read, write) + cleanUp) / 2);
    const outcome = await onHost(s.workbook, () => apiOn(s.workbook).format(s.settings, () => undefined, signal()));
    expect(outcome.ok && outcome.value.revisions).toBe(s.revised);
    expect(s.revised).toBeGreaterThan(0);
    expect(s.workbook.sheets.map((x) => x.name)).toEqual(['Dec-20', 'Nov-20', 'PERF Published']);
  });

  it('counts the revised figures from the one read: the same count as the Revisions view', async () => {
    const s = await formatScenario('baseline', 200);
    const formatted = await onHost(s.workbook, () => apiOn(s.workbook).format(s.settings, () => undefined, signal()));
    const loaded = await onHost(s.workbook, () => apiOn(s.workbook).loadRevisions());
    expect(formatted.ok && loaded.ok).toBe(true);
    if (formatted.ok && loaded.ok) expect(formatted.value.revisions).toBe(loaded.value.revisions.length);
    expect(s.revised).toBeGreaterThan(0);
  });

  it('writes the no-arrow notes, keeps the user\'s, in the same 3 round trips', async () => {
    const s = await formatScenario('notes', 200);
    const sheet = s.workbook.sheet(s.grid.sheetName);
    const outcome = await onHost(s.workbook, () => apiOn(s.workbook).format(s.settings, () => undefined, signal()));
    expect(outcome.ok).toBe(true);
    expect(sheet.cellAt(s.grid.top + 5, s.grid.left + 1).note).toBe('Checked with the service lead');
    expect(sheet.cellAt(s.grid.top, s.grid.left).note).toBe('Draft');
    const ours = [...sheet.cells.values()].filter((c) => c.note?.startsWith('No arrow: '));
    expect(ours.length).toBeGreaterThan(0);
  });
});

describe('Format\'s notes and colour rules ride in the write batch where Excel allows it', () => {
  /** The add-in's notes and the sheet's colour rules just before the clean-up trip (sync 3). */
  function beforeCleanUp(s: Awaited<ReturnType<typeof formatScenario>>): { notes: number; rules: number } {
    const seen = { notes: 0, rules: 0 };
    s.workbook.editBeforeSync(3, (wb) => {
      const sheet = wb.sheet(s.grid.sheetName);
      seen.notes = [...sheet.cells.values()].filter((c) => c.note?.startsWith('No arrow: ')).length;
      seen.rules = sheet.conditionalFormats.length;
    });
    return seen;
  }

  it('writes a first Format\'s notes (a sheet with no notes) in the write sync', async () => {
    const s = await formatScenario('baseline', 200);
    const seen = beforeCleanUp(s);
    const outcome = await onHost(s.workbook, () => apiOn(s.workbook).format(s.settings, () => undefined, signal()));
    expect(outcome.ok).toBe(true);
    expect(s.workbook.stats.syncs).toBe(3);
    const after = [...s.workbook.sheet(s.grid.sheetName).cells.values()].filter((c) => c.note?.startsWith('No arrow: ')).length;
    expect(after).toBeGreaterThan(0);
    expect(seen.notes).toBe(after);
  });

  it('writes the notes of a re-format over notes already on the sheet in the clean-up trip (their cells are known only after a read)', async () => {
    const s = await formatScenario('notes', 200);
    const sheet = s.workbook.sheet(s.grid.sheetName);
    // Make the plan's notes differ from the earlier Format's, so the clean-up has to write them.
    for (const cell of sheet.cells.values()) if (cell.note?.startsWith('No arrow: ')) cell.note = 'No arrow: an older reason.';
    const seen = beforeCleanUp(s);
    const outcome = await onHost(s.workbook, () => apiOn(s.workbook).format(s.settings, () => undefined, signal()));
    expect(outcome.ok).toBe(true);
    expect(s.workbook.stats.syncs).toBe(3);
    const now = [...sheet.cells.values()].filter((c) => c.note?.startsWith('No arrow: '));
    expect(now.length).toBe(seen.notes);
    expect(now.every((c) => c.note !== 'No arrow: an older reason.')).toBe(true);
  });

  /** The add-in's notes on the sheet, by cell key. */
  const ownNotes = (s: Awaited<ReturnType<typeof formatScenario>>): Map<string, string> =>
    new Map([...s.workbook.sheet(s.grid.sheetName).cells].flatMap(([key, c]) => (c.note?.startsWith('No arrow: ') ? [[key, c.note] as [string, string]] : [])));

  /** Formats once with `api`, then makes the add-in's notes say something else, so the next Format must rewrite them. */
  async function formattedWithOldNotes(api: AddinApi, s: Awaited<ReturnType<typeof formatScenario>>): Promise<Map<string, string>> {
    const first = await onHost(s.workbook, () => api.format(s.settings, () => undefined, signal()));
    expect(first.ok).toBe(true);
    const wanted = ownNotes(s);
    for (const cell of s.workbook.sheet(s.grid.sheetName).cells.values()) if (cell.note?.startsWith('No arrow: ')) cell.note = 'No arrow: an older reason.';
    s.workbook.resetStats();
    return wanted;
  }

  it('writes a re-format\'s notes in the write sync when the notes are where the add-in last saw them all (checked by cell address in the read)', async () => {
    const s = await formatScenario('baseline', 200);
    const api = apiOn(s.workbook);
    const wanted = await formattedWithOldNotes(api, s);
    const seen = new Map<string, string>();
    s.workbook.editBeforeSync(3, () => ownNotes(s).forEach((v, k) => seen.set(k, v)));
    const outcome = await onHost(s.workbook, () => api.format(s.settings, () => undefined, signal()));
    expect(outcome.ok).toBe(true);
    expect(s.workbook.stats.syncs).toBe(3);
    expect(seen).toEqual(wanted);
    expect(ownNotes(s)).toEqual(wanted);
  });

  it('falls back to the clean-up trip when a note appeared where the add-in did not see it (a user\'s note since the last Format)', async () => {
    const s = await formatScenario('baseline', 200);
    const api = apiOn(s.workbook);
    const wanted = await formattedWithOldNotes(api, s);
    const sheet = s.workbook.sheet(s.grid.sheetName);
    sheet.update(s.grid.top, s.grid.left, (c) => (c.note = 'Draft'));
    const seen = new Map<string, string>();
    s.workbook.editBeforeSync(3, () => ownNotes(s).forEach((v, k) => seen.set(k, v)));
    const outcome = await onHost(s.workbook, () => api.format(s.settings, () => undefined, signal()));
    expect(outcome.ok).toBe(true);
    expect(s.workbook.stats.syncs).toBe(3);
    expect([...new Set(seen.values())]).toEqual(['No arrow: an older reason.']);
    expect(ownNotes(s)).toEqual(wanted);
    expect(sheet.cellAt(s.grid.top, s.grid.left).note).toBe('Draft');
  });

  it('puts the notes back as they were when a re-format\'s write batch fails after rewriting them', async () => {
    const s = await formatScenario('baseline', 200);
    const api = apiOn(s.workbook);
    await formattedWithOldNotes(api, s);
    const before = s.workbook.sheet(s.grid.sheetName).snapshot();
    const old = ownNotes(s);
    // A co-author types in a noted cell after the failed write: the restore does not copy that cell back, the note still comes back.
    const [key] = [...old.keys()];
    const [row, col] = key.split(',').map(Number);
    s.workbook.failSync({ sync: 2, afterActions: 100_000, code: 'GeneralException', message: 'boom' });
    s.workbook.editBeforeSync(3, (wb) => wb.sheet(s.grid.sheetName).setValue(a1(row, col), 'checked'));
    const outcome = await onHost(s.workbook, () => api.format(s.settings, () => undefined, signal()));
    expect(outcome.ok).toBe(false);
    expect(ownNotes(s)).toEqual(old);
    expect(s.workbook.sheet(s.grid.sheetName).changedCells(before)).toEqual([a1(row, col)]);
    expect(s.workbook.sheet(s.grid.sheetName).value(a1(row, col))).toBe('checked');
  });

  it.each([
    ['deletes the note of a row that now has its arrow in the write sync', false],
    ['brings that note back when the write batch fails', true],
  ])('%s (the notes where the add-in last saw them)', async (_, fails) => {
    const s = await formatScenario('baseline', 200);
    const api = apiOn(s.workbook);
    expect((await onHost(s.workbook, () => api.format(s.settings, () => undefined, signal()))).ok).toBe(true);
    const sheet = s.workbook.sheet(s.grid.sheetName);
    const before = ownNotes(s);
    // Last month's figure for one placeholder row is now reported: that row gets an arrow, its note must go.
    const placeholder = [...sheet.cells].find(([, c]) => c.value === 'Data to be reported January');
    if (!placeholder) throw new Error('no placeholder');
    const [row, col] = placeholder[0].split(',').map(Number);
    sheet.setValue(a1(row, col), 0.5);
    const snapshot = sheet.snapshot();
    s.workbook.resetStats();
    let beforeCleanUp = -1;
    // The noted DOT cell of that row; after a failed write a co-author types in it, so the restore does not copy it back.
    const [dot] = [...before.keys()].filter((k) => Number(k.split(',')[0]) === row).map((k) => k.split(',').map(Number));
    if (fails) {
      s.workbook.failSync({ sync: 2, afterActions: 100_000, code: 'GeneralException', message: 'boom' });
      s.workbook.editBeforeSync(3, (wb) => wb.sheet(s.grid.sheetName).setValue(a1(dot[0], dot[1]), 'checked'));
    } else s.workbook.editBeforeSync(3, () => (beforeCleanUp = ownNotes(s).size));
    const outcome = await onHost(s.workbook, () => api.format(s.settings, () => undefined, signal()));
    expect(outcome.ok).toBe(!fails);
    if (fails) {
      expect(ownNotes(s)).toEqual(before);
      expect(sheet.changedCells(snapshot)).toEqual([a1(dot[0], dot[1])]);
    } else {
      expect(ownNotes(s).size).toBe(before.size - 1);
      expect(beforeCleanUp).toBe(before.size - 1);
      expect([...ownNotes(s).keys()].filter((k) => Number(k.split(',')[0]) === row)).toEqual([]);
    }
  });

  it('writes the formulas mode\'s new colour rules in the write sync; only the earlier ones go in the clean-up', async () => {
    const s = await formatScenario('formulas', 200);
    const sheet = s.workbook.sheet(s.grid.sheetName);
    const earlier = sheet.conditionalFormats.length;
    expect(earlier).toBeGreaterThan(0);
    const seen = beforeCleanUp(s);
    const outcome = await onHost(s.workbook, () => apiOn(s.workbook).format(s.settings, () => undefined, signal()));
    expect(outcome.ok).toBe(true);
    // Before the clean-up: the earlier rules and the new ones; after it, the new ones only.
    expect(seen.rules).toBe(2 * earlier);
    expect(sheet.conditionalFormats.length).toBe(earlier);
  });
});

describe('Format while someone else edits the workbook', () => {
  async function plainOnHost() {
    const s = await formatScenario('plain', 60);
    const sheet = s.workbook.sheet(s.grid.sheetName);
    return { s, sheet, before: sheet.snapshot() };
  }
  /** A figure of the newest month: its change makes the arrows written from the read stale. */
  function figure(s: Awaited<ReturnType<typeof formatScenario>>): string {
    const header = s.grid.text.findIndex((row) => row.some((t) => t === 'Dec-20'));
    const col = s.grid.text[header].indexOf('Dec-20');
    return a1(s.grid.top + header + 2, s.grid.left + col);
  }

  it('never reports stale arrows as success: a co-author\'s edit between the read and the write is kept, the add-in\'s writes are taken back', async () => {
    const { s, sheet, before } = await plainOnHost();
    const cell = figure(s);
    // Sync 1 is the read; the edit lands before the write (sync 2).
    s.workbook.editBeforeSync(2, (wb) => wb.sheet(s.grid.sheetName).setValue(cell, 0.5));
    const outcome = await onHost(s.workbook, () => apiOn(s.workbook).format(s.settings, () => undefined, signal()));
    expect(outcome).toEqual({ ok: false, error: { message: m.restored(m.changedWhileFormatting(qualified(s.grid.sheetName, cell))), action: m.sheetChangedAction(), code: 'sheetChanged' } });
    expect(sheet.value(cell)).toBe(0.5);
    expect(sheet.changedCells(before)).toEqual([cell]);
    expect(s.workbook.sheets.map((x) => x.name)).toEqual([s.grid.sheetName]);
  });

  it('never wipes a co-author\'s edit when restoring after a failed write: only cells still holding what the add-in wrote come back', async () => {
    const { s, sheet, before } = await plainOnHost();
    // A DOT cell the add-in writes; the co-author types in it after the failed write, before the restore.
    const dotCol = s.grid.text.find((row) => row.includes('DOT (Month on Month)'))?.indexOf('DOT (Month on Month)') ?? -1;
    const header = s.grid.text.findIndex((row) => row.includes('Dec-20'));
    const dot = a1(s.grid.top + header + 3, s.grid.left + dotCol);
    s.workbook.failSync({ sync: 2, afterActions: 100_000, code: 'GeneralException', message: 'boom' });
    s.workbook.editBeforeSync(3, (wb) => wb.sheet(s.grid.sheetName).setValue(dot, 'checked'));
    const outcome = await onHost(s.workbook, () => apiOn(s.workbook).format(s.settings, () => undefined, signal()));
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.message).toBe(m.restored(m.officeError('GeneralException', 'boom')));
    expect(sheet.value(dot)).toBe('checked');
    const changed = sheet.changedCells(before);
    expect(changed).toEqual([dot]);
  });

  it('formats the right sheet when it is renamed between the read and the write', async () => {
    const { s, sheet, before } = await plainOnHost();
    s.workbook.editBeforeSync(2, (wb) => (wb.sheet(s.grid.sheetName).name = 'December'));
    const outcome = await onHost(s.workbook, () => apiOn(s.workbook).format(s.settings, () => undefined, signal()));
    expect(outcome.ok).toBe(true);
    expect(s.workbook.sheets.map((x) => x.name)).toEqual(['December']);
    expect(sheet.changedCells(before).length).toBeGreaterThan(10);
  });

  it('says the sheet was deleted, and that nothing was formatted, when it goes between the read and the write', async () => {
    const { s } = await plainOnHost();
    s.workbook.addSheet('Other');
    s.workbook.editBeforeSync(2, (wb) => {
      const gone = wb.sheet(s.grid.sheetName);
      wb.sheets.splice(wb.sheets.indexOf(gone), 1);
      wb.activeSheetId = wb.sheet('Other').id;
    });
    const outcome = await onHost(s.workbook, () => apiOn(s.workbook).format(s.settings, () => undefined, signal()));
    expect(outcome).toEqual({ ok: false, error: { message: m.sheetGoneWhileFormatting(s.grid.sheetName), action: m.sheetMissingAction(), code: 'sheetMissing' } });
    expect(s.workbook.sheets.map((x) => x.name)).toEqual(['Other']);
  });

  it('says the sheet may be partly formatted when the backup it would restore from was removed', async () => {
    const { s } = await plainOnHost();
    s.workbook.failSync({ sync: 2, afterActions: 100_000, code: 'GeneralException', message: 'boom' });
    s.workbook.editBeforeSync(3, (wb) => {
      const backup = wb.sheets.find((x) => x.name.startsWith('PERF backup'));
      if (backup) wb.sheets.splice(wb.sheets.indexOf(backup), 1);
    });
    const outcome = await onHost(s.workbook, () => apiOn(s.workbook).format(s.settings, () => undefined, signal()));
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.error.message).toMatch(/^Excel reported an error \(GeneralException\): boom Some cells may be partly formatted/);
      expect(outcome.error.action).toBe(m.backupGoneAction());
    }
  });
});
