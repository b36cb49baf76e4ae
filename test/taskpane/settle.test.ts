import type { Outcome } from '../../src/port/api';
import { settle } from '../../src/taskpane/settle';
import { paneText } from '../../src/taskpane/strings';
import { msg } from '../../src/domain/messages';

describe('settle', () => {
  it('passes an outcome through unchanged', async () => {
    const failed: Outcome<number> = { ok: false, error: { code: 'sheetProtected', message: 'Sheet is protected', action: 'Unprotect it' } };
    await expect(settle(async () => failed)).resolves.toBe(failed);
    await expect(settle(async () => ({ ok: true as const, value: 3 }))).resolves.toEqual({ ok: true, value: 3 });
  });

  it.each([
    [new Error('GeneralException'), 'GeneralException'],
    ['InvalidReference', 'InvalidReference'],
  ])('turns a rejection (%p) into an error outcome with what to do next', async (reason, detail) => {
    const outcome = await settle(() => Promise.reject(reason));
    expect(outcome).toEqual({
      ok: false,
      error: { code: 'unexpected', message: msg.unexpected(detail), action: paneText.unexpectedAction },
    });
  });

  it('turns a synchronous throw into an error outcome', async () => {
    const outcome = await settle((): Promise<Outcome<void>> => {
      throw new Error('Office is not defined');
    });
    expect(outcome.ok).toBe(false);
  });
});
