import type { Outcome } from '../port/api';
import { msg } from '../domain/messages';
import { paneText } from './strings';

/**
 * Awaits an AddinApi call and always ends in an `Outcome`. The adapter returns errors as
 * values, but a rejected promise (a bug, or Office failing before the adapter could
 * catch it) must still reach the analyst as a message, never vanish into the console.
 *
 * @example
 * const outcome = await settle(() => api.publish());
 */
export async function settle<T>(call: () => Promise<Outcome<T>>): Promise<Outcome<T>> {
  try {
    return await call();
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return { ok: false, error: { code: 'unexpected', message: msg.unexpected(detail), action: paneText.unexpectedAction } };
  }
}
