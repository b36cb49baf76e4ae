import type { Problem, ScorecardTable } from '../sheet/scorecard';
import type { FormatPlan } from './types';

/** What the pane shows before and after Format. */
export interface PlanSummary {
  sheetName: string;
  tables: number;
  rows: number;
  /** `Dec-20`: the newest month of the first table. */
  reportingMonth: string | null;
  ragCounts: { red: number; amber: number; green: number; blank: number };
  dotCells: number;
  ragCells: number;
  /** Distinct cells that get a new format. */
  formattedCells: number;
  problems: Problem[];
}

/**
 * Counts for the pane: indicator rows, RAG statuses, DOT/RAG cells written, cells
 * formatted and the problems to list.
 *
 * @example summarizePlan(plan, tables).ragCounts // { red: 9, amber: 4, green: 3, blank: 44 }
 */
export function summarizePlan(plan: FormatPlan, tables: ScorecardTable[]): PlanSummary {
  const rows = tables.flatMap((t) => t.indicators);
  const ragCounts = { red: 0, amber: 0, green: 0, blank: 0 };
  for (const r of rows) ragCounts[r.rag ?? 'blank'] += 1;
  const written = new Set(plan.writes.map((w) => `${w.row},${w.col}`));
  const count = (col: (t: ScorecardTable) => number | null): number =>
    tables.reduce((n, t) => {
      const c = col(t);
      return c === null ? n : n + t.indicators.filter((r) => written.has(`${r.row},${c}`)).length;
    }, 0);
  // Numeric keys: a 5,000-row plan formats over 100,000 cells. Excel has 16,384 columns.
  const cells = new Set<number>();
  for (const g of plan.styles) {
    for (const b of g.boxes) for (let r = b.top; r <= b.bottom; r++) for (let c = b.left; c <= b.right; c++) cells.add(r * 16384 + c);
  }
  return {
    sheetName: plan.sheetName,
    tables: tables.length,
    rows: rows.length,
    reportingMonth: tables[0]?.reportingMonth.label ?? null,
    ragCounts,
    dotCells: count((t) => t.columns.dot),
    ragCells: count((t) => t.columns.rag),
    formattedCells: cells.size,
    problems: tables.flatMap((t) => t.problems),
  };
}
