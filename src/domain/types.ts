/** Shared domain vocabulary. Pure types: no Office, Excel or React imports in src/domain. */

/** GOOD PERF IS column. */
export type Polarity = 'high' | 'low' | 'withinLimits' | 'info';

/** A RAG status. Blank (no status) is represented as `null` by callers, not as a member. */
export type Rag = 'red' | 'amber' | 'green';

/** The two DOT conventions (docs/DOMAIN.md). */
export type DotConvention = 'performance' | 'numeric';

/**
 * Every state a direction-of-travel arrow can show.
 * Performance convention: improvement / stable / declineWithinLimits / declineNotOnTarget.
 * Info measures (and the numeric convention): increase / stable / decrease.
 */
export type DotState =
  | 'improvement'
  | 'stable'
  | 'declineWithinLimits'
  | 'declineNotOnTarget'
  | 'increase'
  | 'decrease';

/** Colour meaning of a DOT arrow; the palette that renders it lives in the plan. */
export type DotTone = 'good' | 'warning' | 'bad' | 'neutral';

/**
 * A raw cell value as any adapter hands it over: Excel's custom-function arguments and
 * `range.values`, exceljs cell values and HyperFormula values all reduce to this.
 * `null` is a blank cell (or an omitted optional argument).
 */
export type CellInput = number | string | boolean | null | undefined;
