import type { CliIO, NewMonthArgs } from './main';
import { EXIT, type ExitCode } from './messages';

/** `scorecard new-month`: pending the roll-forward plan (src/domain/plan/rollForward.ts). */
export async function runNewMonth(_args: NewMonthArgs, io: CliIO): Promise<ExitCode> {
  io.err('scorecard new-month is not available yet.');
  return EXIT.internal;
}
