/**
 * The ONE place that calls `Excel.run`. Everything else in src/excel takes the request
 * context it is given, so tests can hand it the fake's context and the pane's API can
 * swap the runner (a fake workbook's `run`) without touching globals.
 */
export type ExcelRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Runs `batch` in a new request context of the host workbook. */
export const runExcel: ExcelRunner = (batch) => Excel.run(batch);

/** Whether an Excel host is there at all (the pane may be opened in a plain browser). */
export function excelAvailable(): boolean {
  return typeof Excel !== 'undefined' && typeof Excel.run === 'function';
}

/**
 * Whether the host supports ExcelApi 1.`minor`. Without an Office host (unit tests driving a
 * fake context directly) the answer is yes: the context itself then decides.
 */
export function excelApiSupported(minor: number): boolean {
  if (typeof Office === 'undefined' || !Office.context?.requirements) return true;
  return Office.context.requirements.isSetSupported('ExcelApi', `1.${minor}`);
}
