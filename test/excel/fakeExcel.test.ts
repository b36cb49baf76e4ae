import { FakeWorkbook, fakeWorkbookFromGrids, installFakeOffice } from '../fakes/fakeExcel';
import { seedGrid } from '../fixtures/seedGrids';

function workbookWithValues(): FakeWorkbook {
  const wb = new FakeWorkbook();
  const sheet = wb.addSheet('Dec-20');
  sheet.setValue('A1', 'NO.');
  sheet.setValue('B2', 0.843, '0.0%');
  return wb;
}

describe('fake Excel: load/sync rules', () => {
  it('throws PropertyNotLoaded when a property is read without load and sync', async () => {
    const wb = workbookWithValues();
    await wb.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem('Dec-20').getRange('B2');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      range.load('values');
      // Loaded but not yet synced: still not available.
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await ctx.sync();
      expect(range.values).toEqual([[0.843]]);
      expect(() => range.numberFormat).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
  });

  it('applies queued writes only on sync', async () => {
    const wb = workbookWithValues();
    const sheet = wb.sheet('Dec-20');
    await wb.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem('Dec-20').getRange('C3');
      range.values = [['G']];
      range.format.fill.color = '#00B050';
      expect(sheet.value('C3')).toBe('');
      expect(sheet.fill('C3')).toBeNull();
      await ctx.sync();
      expect(sheet.value('C3')).toBe('G');
      expect(sheet.fill('C3')).toBe('#00B050');
    });
  });

  it('counts syncs, queued calls and the largest payload', async () => {
    const wb = workbookWithValues();
    await wb.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Dec-20');
      ws.getRange('A1:A2').values = [['x'], ['y']];
      await ctx.sync();
      ws.getRange('B1').format.font.bold = true;
      await ctx.sync();
    });
    expect(wb.stats.syncs).toBe(2);
    // getItem, getRange, set values, getRange, set bold
    expect(wb.stats.apiCalls).toBe(5);
    expect(wb.stats.payloads).toHaveLength(2);
    expect(wb.stats.maxPayloadBytes).toBe(Math.max(...wb.stats.payloads));
  });

  it('rejects an address longer than 8,192 characters', async () => {
    const wb = workbookWithValues();
    const address = Array.from({ length: 2000 }, (_, i) => `A${i + 1}`).join(',');
    expect(address.length).toBeGreaterThan(8192);
    await expect(
      wb.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Dec-20').getRanges(address).format.fill.color = '#FFFF00';
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
    expect(wb.sheet('Dec-20').fill('A1')).toBeNull();
  });

  it('rejects a getRanges address over 8,192 characters whatever its area count (office-js#5198)', async () => {
    const wb = workbookWithValues();
    // The failing list of #5198: 513 areas, 8,207 characters.
    const address = Array.from({ length: 513 }, (_, i) => `AA${10_000 + i}:AB${10_000 + i}`).join(',');
    expect(address.length).toBe(8207);
    await expect(
      wb.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Dec-20').getRanges(address).format.fill.color = '#FFFF00';
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument', message: expect.stringContaining('513-area address of 8207 characters') });
  });

  it('accepts a getRanges address of many more than 512 areas within 8,192 characters', async () => {
    const wb = workbookWithValues();
    const address = Array.from({ length: 1000 }, (_, i) => `Z${2 * i + 1}`).join(',');
    expect(address.length).toBeLessThanOrEqual(8192);
    await wb.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Dec-20').getRanges(address).format.fill.color = '#FFFF00';
      await ctx.sync();
    });
    expect(wb.sheet('Dec-20').fill('Z1999')).toBe('#FFFF00');
    expect(wb.sheet('Dec-20').fill('Z2000')).toBeNull();
  });

  it('rejects a payload over the limit without applying any of it', async () => {
    const wb = new FakeWorkbook({ payloadLimitBytes: 1000 });
    const sheet = wb.addSheet('S');
    await expect(
      wb.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem('S');
        ws.getRange('A1').values = [['first']];
        ws.getRange('A2:A200').values = Array.from({ length: 199 }, () => ['x'.repeat(10)]);
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(sheet.value('A1')).toBe('');
  });

  it('stops a batch at a failing operation and keeps the earlier ones, as Office does', async () => {
    const wb = workbookWithValues();
    const sheet = wb.sheet('Dec-20');
    wb.failSync({ sync: 1, afterActions: 3, code: 'GeneralException' });
    await expect(
      wb.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem('Dec-20');
        ws.getRange('D1').values = [['one']];
        ws.getRange('D2').values = [['two']];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'GeneralException' });
    expect(sheet.value('D1')).toBe('one');
    expect(sheet.value('D2')).toBe('');
  });

  it('refuses writes to a protected sheet with AccessDenied', async () => {
    const wb = workbookWithValues();
    wb.sheet('Dec-20').protected = true;
    await expect(
      wb.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Dec-20').getRange('A1').values = [['x']];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'AccessDenied' });
  });

  it('reports a missing sheet as a null object, and getItem fails on sync', async () => {
    const wb = workbookWithValues();
    await wb.run(async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject('Jan-21');
      missing.load('name');
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
    });
    await expect(
      wb.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Jan-21').load('name');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound' });
  });

  it('applies a RangeAreas format to every area', async () => {
    const wb = workbookWithValues();
    const sheet = wb.sheet('Dec-20');
    await wb.run(async (ctx) => {
      const areas = ctx.workbook.worksheets.getItem('Dec-20').getRanges('A1:A2,C5,E1:F1');
      areas.format.fill.color = '#FF0000';
      areas.format.font.bold = true;
      await ctx.sync();
    });
    for (const addr of ['A1', 'A2', 'C5', 'E1', 'F1']) expect(sheet.fill(addr)).toBe('#FF0000');
    expect(sheet.fill('B1')).toBeNull();
    expect(sheet.cell('C5').bold).toBe(true);
  });

  it('copies a worksheet with its cells, named as Excel names copies', async () => {
    const wb = workbookWithValues();
    await wb.run(async (ctx) => {
      const copy = ctx.workbook.worksheets.getItem('Dec-20').copy('End');
      copy.load('name,position');
      await ctx.sync();
      expect(copy.name).toBe('Dec-20 (2)');
      expect(copy.position).toBe(1);
    });
    expect(wb.sheet('Dec-20 (2)').value('B2')).toBeCloseTo(0.843);
  });

  it('loads a collection: items are unavailable until synced', async () => {
    const wb = workbookWithValues();
    wb.addSheet('Nov-20');
    await wb.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load('items/name');
      expect(() => sheets.items).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await ctx.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(['Dec-20', 'Nov-20']);
    });
  });

  it('builds a sheet from a seed grid with its values and displayed text', async () => {
    const grid = seedGrid('earlyHelp');
    const wb = fakeWorkbookFromGrids([grid]);
    await wb.run(async (ctx) => {
      const used = ctx.workbook.worksheets.getActiveWorksheet().getUsedRange();
      used.load('values,text,rowIndex,columnIndex');
      await ctx.sync();
      expect(used.rowIndex).toBe(grid.top);
      expect(used.columnIndex).toBe(grid.left);
      const i = grid.text.findIndex((row) => row.includes('84.3%'));
      const j = grid.text[i].indexOf('84.3%');
      expect(used.text[i][j]).toBe('84.3%');
      expect(used.values[i][j]).toBeCloseTo(0.843);
    });
  });

  it('installs Excel and Office globals that run against the workbook', async () => {
    const wb = workbookWithValues();
    const uninstall = installFakeOffice(globalThis, wb);
    try {
      const info = await Office.onReady();
      expect(info.host).toBe('Excel');
      expect(Office.context.requirements.isSetSupported('ExcelApi', '1.9')).toBe(true);
      const value = await Excel.run(async (ctx) => {
        const r = ctx.workbook.worksheets.getItem('Dec-20').getRange('A1');
        r.load('values');
        await ctx.sync();
        return r.values[0][0];
      });
      expect(value).toBe('NO.');
    } finally {
      uninstall();
    }
    expect((globalThis as Record<string, unknown>).Excel).toBeUndefined();
  });

  it('adds, reads and deletes a cell note, refusing a second note on the same cell', async () => {
    const wb = workbookWithValues();
    const sheet = wb.sheet('Dec-20');
    await wb.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Dec-20');
      ws.notes.add(ws.getRange('B2'), 'Revised: Nov-20 published 88.9%, now 89.4%');
      await ctx.sync();
    });
    expect(sheet.cell('B2').note).toBe('Revised: Nov-20 published 88.9%, now 89.4%');
    await expect(
      wb.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem('Dec-20');
        ws.notes.add(ws.getRange('B2'), 'again');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
    await wb.run(async (ctx) => {
      const notes = ctx.workbook.worksheets.getItem('Dec-20').notes;
      const none = notes.getItemOrNullObject('C3');
      none.load('content');
      const note = notes.getItem('B2');
      note.load('content');
      await ctx.sync();
      expect(none.isNullObject).toBe(true);
      expect(note.content).toMatch(/^Revised/);
      note.delete();
      await ctx.sync();
    });
    expect(sheet.cell('B2').note).toBeNull();
  });

  it('tells No Fill from white through tintAndShade', async () => {
    const wb = workbookWithValues();
    wb.sheet('Dec-20').setFill('A2', '#FFFFFF');
    await wb.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Dec-20');
      const white = ws.getRange('A2').format.fill;
      const none = ws.getRange('A3').format.fill;
      white.load('color,tintAndShade');
      none.load('color,tintAndShade');
      await ctx.sync();
      expect([white.color, white.tintAndShade]).toEqual(['#FFFFFF', 0]);
      expect([none.color, none.tintAndShade]).toEqual(['#FFFFFF', null]);
    });
  });

  it('stores text written with an apostrophe, and digits in a Text cell, as text', async () => {
    const wb = workbookWithValues();
    const sheet = wb.sheet('Dec-20');
    sheet.setValue('D4', '', '@');
    await wb.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Dec-20');
      ws.getRange('D3:D5').values = [["'-"], ['6.10'], ['6.10']];
      await ctx.sync();
    });
    expect([sheet.value('D3'), sheet.value('D4'), sheet.value('D5')]).toEqual(['-', '6.10', 6.1]);
  });

  it('fails a sync whose response is over the limit, and delivers none of its values', async () => {
    const wb = new FakeWorkbook({ responseLimitBytes: 200 });
    const sheet = wb.addSheet('S');
    for (let r = 1; r <= 50; r++) sheet.setValue(`A${r}`, `row ${r}`);
    await wb.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem('S').getRange('A1:A50');
      range.load('values');
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
    expect(wb.stats.maxResponseBytes).toBeGreaterThan(200);
  });

  it('hides sheets as Excel does: never the last visible one, and the active one hands over', async () => {
    const wb = workbookWithValues();
    wb.addSheet('Nov-20');
    await wb.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Dec-20').visibility = 'VeryHidden';
      await ctx.sync();
    });
    expect(wb.sheet('Dec-20').visibility).toBe('VeryHidden');
    expect(wb.activeSheet().name).toBe('Nov-20');
    await expect(
      wb.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Nov-20').visibility = 'Hidden';
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidOperation' });
  });

  it('sets freeze panes and print setup on the page layout', async () => {
    const wb = workbookWithValues();
    const sheet = wb.sheet('Dec-20');
    await wb.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Dec-20');
      ws.freezePanes.freezeAt(ws.getRange('A1:C4'));
      ws.pageLayout.orientation = 'Landscape';
      ws.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      ws.pageLayout.setPrintTitleRows('$3:$4');
      const where = ws.freezePanes.getLocationOrNullObject();
      where.load('address');
      await ctx.sync();
      expect(where.address).toBe("'Dec-20'!A1:C4");
    });
    expect(sheet.freeze).toEqual({ rows: 4, columns: 3 });
    expect(sheet.pageLayout).toMatchObject({ orientation: 'Landscape', zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 }, printTitleRows: '$3:$4' });
  });

  it.each([['A3', true], ['Letter', true], ['A4Small', true], ['a4', false], ['B5 (JIS)', false], ['', false]])(
    'accepts paper size %j only when Excel.PaperType has it (%s)',
    async (paper, accepted) => {
      const wb = workbookWithValues();
      const set = wb.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Dec-20').pageLayout.paperSize = paper as Excel.PaperType;
        await ctx.sync();
      });
      if (accepted) {
        await set;
        expect(wb.sheet('Dec-20').pageLayout.paperSize).toBe(paper);
      } else {
        await expect(set).rejects.toMatchObject({ code: 'InvalidArgument' });
        expect(wb.sheet('Dec-20').pageLayout.paperSize).toBeUndefined();
      }
    },
  );

  it('keeps threaded comments by id: add, list with locations, edit, delete', async () => {
    const wb = workbookWithValues();
    await wb.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Dec-20');
      ws.comments.add(ws.getRange('B2'), 'Revised');
      await ctx.sync();
      const comments = ws.comments;
      comments.load('items/id,items/content');
      await ctx.sync();
      expect(comments.items.map((c) => c.content)).toEqual(['Revised']);
      const where = comments.items[0].getLocation();
      where.load('address');
      await ctx.sync();
      expect(where.address).toBe("'Dec-20'!B2");
      ctx.workbook.comments.getItem(comments.items[0].id).content = 'Revised again';
      await ctx.sync();
      expect([...wb.comments.values()].map((c) => c.content)).toEqual(['Revised again']);
      ctx.workbook.comments.getItem(comments.items[0].id).delete();
      await ctx.sync();
    });
    expect(wb.comments.size).toBe(0);
  });
});

describe('fake Excel: conditional formats', () => {
  function sheetWithMarks(): FakeWorkbook {
    const wb = new FakeWorkbook();
    const s = wb.addSheet('Dec-20');
    s.setValue('C2', 'R');
    s.setValue('C3', 'YTD G');
    s.setValue('C4', '↑');
    s.setValue('D2', 'Green light');
    return wb;
  }

  it('adds a text rule on top of the user\'s own and applies it only after sync', async () => {
    const wb = sheetWithMarks();
    const s = wb.sheet('Dec-20');
    s.addConditionalFormat({ boxes: [{ top: 0, left: 0, bottom: 9, right: 5 }], type: 'ContainsText', stopIfTrue: false, rule: { operator: 'Contains', text: 'Green' }, format: { bold: true } });
    await wb.run(async (ctx) => {
      const cf = ctx.workbook.worksheets.getItem('Dec-20').getRanges('C2:C3').conditionalFormats.add('ContainsText');
      cf.textComparison.rule = { operator: 'Contains', text: 'g' };
      cf.textComparison.format.fill.color = '#00B050';
      cf.stopIfTrue = true;
      expect(s.conditionalFormats).toHaveLength(1);
      await ctx.sync();
    });
    expect(s.conditionalFormats).toHaveLength(2);
    expect(s.conditionalFormats[0].rule).toEqual({ operator: 'Contains', text: 'g' });
    // Excel's text comparison ignores case; cells outside the rule's range are not touched by it.
    expect(s.conditionalStyleAt(2, 2)).toEqual({ fill: '#00B050' });
    expect(s.conditionalStyleAt(1, 2)).toEqual({});
    expect(s.conditionalStyleAt(1, 3)).toEqual({ bold: true });
  });

  it('lists the formats intersecting a range in priority order, with their rules and ranges', async () => {
    const wb = sheetWithMarks();
    const s = wb.sheet('Dec-20');
    s.addConditionalFormat({ boxes: [{ top: 30, left: 0, bottom: 31, right: 0 }], type: 'ContainsText', stopIfTrue: false, rule: { operator: 'Contains', text: 'x' }, format: {} });
    s.addConditionalFormat({ boxes: [{ top: 3, left: 2, bottom: 3, right: 2 }], type: 'CellValue', stopIfTrue: true, rule: { operator: 'EqualTo', formula1: '="↑"' }, format: { fontColor: '#00B050' } });
    await wb.run(async (ctx) => {
      const cfs = ctx.workbook.worksheets.getItem('Dec-20').getRange('A1:F10').conditionalFormats;
      cfs.load('items/type,items/stopIfTrue');
      await ctx.sync();
      expect(cfs.items.map((c) => [c.type, c.stopIfTrue])).toEqual([['CellValue', true]]);
      const rule = cfs.items[0].cellValue;
      rule.load('rule');
      const where = cfs.items[0].getRanges();
      where.load('address');
      await ctx.sync();
      expect(rule.rule).toEqual({ operator: 'EqualTo', formula1: '="↑"' });
      expect(where.address).toBe("'Dec-20'!C4");
      expect(s.conditionalStyleAt(3, 2)).toEqual({ fontColor: '#00B050' });
    });
  });

  it('fails the sync when a rule of another type is read, as Excel does', async () => {
    const wb = sheetWithMarks();
    wb.sheet('Dec-20').addConditionalFormat({ boxes: [{ top: 1, left: 2, bottom: 1, right: 2 }], type: 'CellValue', stopIfTrue: false, rule: { operator: 'EqualTo', formula1: '="R"' }, format: {} });
    await expect(
      wb.run(async (ctx) => {
        const cfs = ctx.workbook.worksheets.getItem('Dec-20').getRange('C2').conditionalFormats;
        cfs.load('items/type');
        await ctx.sync();
        cfs.items[0].textComparison.load('rule');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  it('deletes one format, keeps others, and copies formats with the sheet and with pasted cells', async () => {
    const wb = sheetWithMarks();
    const s = wb.sheet('Dec-20');
    const mine = s.addConditionalFormat({ boxes: [{ top: 1, left: 2, bottom: 2, right: 2 }], type: 'ContainsText', stopIfTrue: true, rule: { operator: 'Contains', text: 'R' }, format: { fill: '#FF0000' } });
    s.addConditionalFormat({ boxes: [{ top: 1, left: 3, bottom: 1, right: 3 }], type: 'ContainsText', stopIfTrue: false, rule: { operator: 'Contains', text: 'Green' }, format: { bold: true } });
    await wb.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Dec-20');
      const copy = ws.copy('End');
      copy.name = 'Backup';
      const cfs = ws.getRange('C2').conditionalFormats;
      cfs.load('items/id');
      await ctx.sync();
      expect(cfs.items.map((c) => c.id)).toEqual([mine.id]);
      cfs.items[0].delete();
      await ctx.sync();
      expect(s.conditionalFormats.map((c) => c.rule?.text)).toEqual(['Green']);
      // Pasting the backup's cells back brings the deleted format back to those cells.
      ws.getRange('C2:C3').copyFrom('Backup!C2:C3', 'All');
      await ctx.sync();
    });
    expect(wb.sheet('Backup').conditionalFormats).toHaveLength(2);
    expect(s.conditionalFormats.map((c) => c.rule?.text).sort()).toEqual(['Green', 'R']);
    expect(s.conditionalStyleAt(1, 2)).toEqual({ fill: '#FF0000' });
  });
});

describe('fake Excel: strings written to cells are parsed as typed (KB Q214327, Range.values docs)', () => {
  // 2026: the year `Jan-21` is completed with; serials in Excel's 1900 date system.
  it.each<[string, string | number | boolean, string]>([
    ['Jan-21', 46043, 'd-mmm'], // 21 January 2026, not the month Jan 2021
    ['Jan-32', 11689, 'mmm-yy'], // no 32nd: month and year, 1 January 1932
    ['Dec 2020', 44166, 'mmm-yy'],
    ['21-Jan', 46043, 'd-mmm'],
    ['1/2/2021', 44198, 'm/d/yyyy'], // en-US month/day
    ['2021-01-31', 44227, 'yyyy-mm-dd'],
    ['85%', 0.85, '0%'],
    ['84.3%', 0.843, '0.0%'],
    ['1,234', 1234, 'General'],
    ['TRUE', true, 'General'],
    ['12', 12, 'General'],
  ])('turns %p into %p shown as %p in a General cell', async (typed, value, format) => {
    const wb = new FakeWorkbook();
    wb.currentYear = 2026;
    wb.addSheet('S');
    await wb.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('A1').values = [[typed]];
      await ctx.sync();
    });
    const cell = wb.sheet('S').cell('A1');
    if (typeof value === 'number') expect(cell.value).toBeCloseTo(value);
    else expect(cell.value).toBe(value);
    expect(cell.numberFormat).toBe(format);
  });

  it.each(['Jan-21', '85%', 'TRUE', '6.10'])('keeps %p as text in a cell formatted as Text first, or after an apostrophe', async (typed) => {
    const wb = new FakeWorkbook();
    wb.addSheet('S');
    await wb.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('S');
      const a = ws.getRange('A1');
      a.numberFormat = [['@']];
      a.values = [[typed]];
      ws.getRange('B1').values = [[`'${typed}`]];
      await ctx.sync();
    });
    expect(wb.sheet('S').value('A1')).toBe(typed);
    expect(wb.sheet('S').value('B1')).toBe(typed);
  });

  it.each(['Jan to Mar', 'TBC Feb 19', 'Sep-2x', '13.7% (HT1)', 'n/a', '14-20'])('leaves %p as text (not a shape Excel parses)', async (typed) => {
    const wb = new FakeWorkbook();
    wb.addSheet('S');
    await wb.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('A1').values = [[typed]];
      await ctx.sync();
    });
    expect(wb.sheet('S').value('A1')).toBe(typed);
  });
});

describe('fake Excel: special cells (Range.getSpecialCellsOrNullObject, ExcelApi 1.9)', () => {
  function mixed(): FakeWorkbook {
    const wb = new FakeWorkbook();
    const sheet = wb.addSheet('S');
    sheet.setValue('A1', 'NO.');
    sheet.setValue('B1', 5);
    sheet.setValue('B2', 0.25, '0%');
    sheet.setValue('C1', true);
    sheet.setValue('C2', '#N/A');
    sheet.setValue('D2', 7);
    sheet.update(2, 1, (c) => {
      c.formula = '=B1*2';
      c.value = 10;
    });
    return wb;
  }

  it('selects constants or formulas of the value kinds asked, as areas covering exactly those cells', async () => {
    const wb = mixed();
    await wb.run(async (ctx) => {
      const used = ctx.workbook.worksheets.getItem('S').getUsedRange(true);
      const numbers = used.getSpecialCellsOrNullObject('Constants', 'Numbers');
      numbers.load('address');
      numbers.areas.load('items/address,items/text');
      const formulas = used.getSpecialCellsOrNullObject('Formulas', 'Numbers');
      formulas.load('address');
      const logicalText = used.getSpecialCellsOrNullObject('Constants', 'LogicalText');
      logicalText.load('address');
      const errors = used.getSpecialCellsOrNullObject('Constants', 'Errors');
      errors.load('address');
      await ctx.sync();
      // B1:B2 is one column run; D2 its own area. The formula's number (B3) is not a constant.
      expect(numbers.address).toBe('S!B1:B2,S!D2');
      expect(numbers.areas.items.map((a) => a.text)).toEqual([[['5'], ['25%']], [['7']]]);
      expect(formulas.address).toBe('S!B3');
      expect(logicalText.address).toBe('S!A1,S!C1');
      expect(errors.address).toBe('S!C2');
    });
  });

  it('gives a null object, whose areas load as none, when no cell matches', async () => {
    const wb = mixed();
    await wb.run(async (ctx) => {
      const none = ctx.workbook.worksheets.getItem('S').getRange('A1:A2').getSpecialCellsOrNullObject('Formulas', 'Numbers');
      none.load('areaCount');
      none.areas.load('items/rowIndex');
      await ctx.sync();
      expect(none.isNullObject).toBe(true);
      expect(none.areas.items).toEqual([]);
    });
  });

  it('throws ApiNotFound on a host below ExcelApi 1.9, as office.js does', async () => {
    const wb = mixed();
    wb.excelApiMinor = 8;
    await wb.run(async (ctx) => {
      const used = ctx.workbook.worksheets.getItem('S').getUsedRange(true);
      expect(() => used.getSpecialCellsOrNullObject('Constants', 'Numbers')).toThrow(expect.objectContaining({ code: 'ApiNotFound' }));
    });
  });
});
