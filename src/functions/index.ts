/**
 * The custom functions by Excel id, importable in Node (tests, HyperFormula) without any
 * Office global: functions.ts only touches `CustomFunctions` behind a typeof guard.
 */
import { DOT, RAG, RATEPER10K, ROLLING12 } from './functions';

export { EXCEL_ERRORS, isFunctionError, toFunctionError, type ExcelErrorValue, type FunctionError } from './errors';

export const functions = { RAG, DOT, ROLLING12, RATEPER10K } as const;

export type FunctionId = keyof typeof functions;
