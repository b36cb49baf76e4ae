import type { EngineError } from '../../src/domain/result';
import { excelMessages as m, fromEngineError, outcomeError } from '../../src/excel/messages';
import type { OutcomeCode } from '../../src/port/api';

describe('the Excel adapter picks "what to do" by code', () => {
  it('gives a plan failure the plan hint, not the "no table" hint', () => {
    const error: EngineError = { code: 'planInvalid', message: 'A write at Z99 is outside the plan.' };
    expect(fromEngineError(error)).toEqual({ code: 'planInvalid', message: error.message, action: m.badPlanAction() });
    expect(fromEngineError(error).action).not.toBe(m.noTableAction());
  });

  it.each<[EngineError['code'], OutcomeCode, string | undefined]>([
    ['noTable', 'noTable', m.noTableAction()],
    ['noMonths', 'noTable', m.noTableAction()],
    ['sheetExists', 'sheetExists', m.sheetExistsAction()],
    ['notNextMonth', 'notNextMonth', undefined],
    ['damagedRecord', 'damagedRecord', m.damagedAction('PERF snapshots')],
    ['planInvalid', 'planInvalid', m.badPlanAction()],
  ])('an engine %s becomes %s with its own hint', (engine, code, action) => {
    const out = fromEngineError({ code: engine, message: 'x' }, 'PERF snapshots');
    expect(out).toEqual(action === undefined ? { code, message: 'x' } : { code, message: 'x', action });
  });

  it('gives only an existing sheet the "sheet exists" hint', () => {
    const codes: OutcomeCode[] = ['noTable', 'notNextMonth', 'partialCopyLeft', 'sheetProtected', 'readOnly', 'officeError', 'editMode'];
    for (const code of codes) expect(outcomeError(code, 'x').action).not.toBe(m.sheetExistsAction());
    expect(outcomeError('sheetExists', 'x').action).toBe(m.sheetExistsAction());
  });

  it('names the sheet in a hint that is about one', () => {
    expect(outcomeError('notOurSheet', 'x', 'Revisions log').action).toBe(m.notOurSheetAction('Revisions log'));
  });

  it('leaves out the hint where there is nothing to do', () => {
    expect(outcomeError('cancelled', m.cancelled())).toEqual({ code: 'cancelled', message: m.cancelled() });
  });
});
