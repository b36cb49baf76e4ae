import type { Frequency } from './frequency';
import type { DotMonths, MonthValue, RagBasis } from './scorecard';

/**
 * The month the DOT compares, and the one before it (same rule as the RAG basis): for a
 * monthly row the reporting month, for a periodic one the newest month with a figure.
 * The engine decides it once per row (`IndicatorRow.dotMonths`); everything after reads it there.
 * @example dotMonths(row.months, row.ragBasis)?.current.label // 'Dec-20'
 */
export function dotMonths(months: MonthValue[], basis: RagBasis | null, frequency: Frequency = 'periodic'): DotMonths | null {
  if (months.length === 0) return null;
  let i = months.length - 1;
  if (basis && basis.kind === 'month') i = months.findIndex((m) => m.col === basis.col);
  else if (frequency === 'monthly') {
    // A monthly row compares the reporting month, even when it is still empty: no arrow then.
  } else {
    // Info rows and rows without a target: the newest month with a figure, as the seeds do.
    let latest = i;
    while (latest >= 0 && months[latest].value.kind !== 'number') latest--;
    if (latest >= 0) i = latest;
  }
  return { current: months[i], previous: i > 0 ? months[i - 1] : null };
}

