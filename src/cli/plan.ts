import type { FormatPlan } from '../domain/plan/types';
import { planFormat, type FormatOptions } from '../domain/plan/planFormat';
import type { Grid } from '../domain/sheet/grid';
import type { ScorecardTable } from '../domain/sheet/scorecard';
import { fail, type CliResult } from './files';
import { cliMessages, EXIT } from './messages';

/** The pane's plan for the sheet (same function, same options), as a CLI result. */
export function planSheet(tables: ScorecardTable[], grid: Grid, options: FormatOptions): CliResult<FormatPlan> {
  const plan = planFormat(tables, options, grid);
  return plan.ok ? plan : fail(EXIT.refused, cliMessages.planFailed(plan.error.message));
}
