/**
 * The four PERF functions registered in HyperFormula as a plugin, shared by the tests that
 * evaluate real formulas: the plugin's methods only adapt HyperFormula's values
 * (EmptyValue, SimpleRangeValue, CellError) to what Excel passes, then call `functions`
 * unchanged. Call `registerPerf()` in beforeAll and `unregisterPerf()` in afterAll.
 */
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
  type ImplementedFunctions,
} from 'hyperformula';
import { functions, isFunctionError, type ExcelErrorValue } from '../../src/functions';

export type Excel = number | string | boolean | null;

const ERROR_TYPES: Record<ExcelErrorValue, ErrorType> = {
  '#VALUE!': ErrorType.VALUE,
  '#N/A': ErrorType.NA,
  '#DIV/0!': ErrorType.DIV_BY_ZERO,
  '#NUM!': ErrorType.NUM,
  '#NAME?': ErrorType.NAME,
  '#REF!': ErrorType.REF,
  '#NULL!': ErrorType.ERROR, // HyperFormula has no #NULL!
};

/**
 * How a blank cell reaches a custom function: `null` in Excel on the web, `0` in desktop
 * Excel, as a scalar argument and inside ranges (OfficeDev/office-js#4702, #5262, #1951).
 * Tests run the functions and the formulas the plan writes both ways.
 */
export type BlankArrival = 'null' | 'zero';
let blankArrival: BlankArrival = 'null';

/** Sets how blank cells arrive until set again (default `null`, Excel on the web). */
export function setBlankArrival(mode: BlankArrival): void {
  blankArrival = mode;
}

/** A HyperFormula scalar as Excel would pass it: a blank cell -> null or 0 (see BlankArrival). */
function toExcel(v: unknown): Excel | CellError {
  if (v instanceof CellError) return v;
  if (v === EmptyValue) return blankArrival === 'zero' ? 0 : null;
  if (v === undefined || v === null) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  return String(v);
}

/** A range as Excel passes it (2-D array); the first error inside passes through, as in a formula. */
function toMatrix(v: unknown): Excel[][] | CellError {
  if (v instanceof CellError) return v;
  const rows = v instanceof SimpleRangeValue ? (v.data as unknown[][]) : [[v]];
  const out: Excel[][] = [];
  for (const row of rows) {
    const r: Excel[] = [];
    for (const cell of row) {
      const x = toExcel(cell);
      if (x instanceof CellError) return x;
      r.push(x);
    }
    out.push(r);
  }
  return out;
}

function fromResult(v: unknown): number | string | CellError {
  if (isFunctionError(v)) return new CellError(ERROR_TYPES[v.code], v.message);
  if (typeof v === 'number' || typeof v === 'string') return v;
  return new CellError(ErrorType.VALUE, `unexpected result ${String(v)}`);
}

function firstError(values: Array<Excel | CellError | Excel[][] | undefined>): CellError | null {
  return (values.find((v) => v instanceof CellError) as CellError | undefined) ?? null;
}

const scalarArg = { argumentType: FunctionArgumentType.NOERROR };
const optionalArg = { argumentType: FunctionArgumentType.NOERROR, optionalArg: true };
const rangeArg = { argumentType: FunctionArgumentType.RANGE };

export class PerfPlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = {
    'PERF.RAG': { method: 'rag', parameters: [scalarArg, scalarArg, scalarArg, scalarArg, optionalArg] },
    'PERF.DOT': { method: 'dot', parameters: [scalarArg, scalarArg, optionalArg, optionalArg, optionalArg, optionalArg] },
    'PERF.ROLLING12': { method: 'rolling12', parameters: [rangeArg, { ...rangeArg, optionalArg: true }], vectorizationForbidden: true },
    'PERF.RATEPER10K': {
      method: 'ratePer10k',
      sizeOfResultArrayMethod: 'ratePer10kSize',
      parameters: [{ argumentType: FunctionArgumentType.ANY }, scalarArg],
      vectorizationForbidden: true,
    },
  };

  rag(ast: { args: unknown[] }, state: unknown) {
    return this.runFunction(ast.args as never, state as never, this.metadata('PERF.RAG'), (...args: unknown[]) => {
      const a = args.map(toExcel);
      const e = firstError(a);
      return e ?? fromResult(functions.RAG(a[0] as Excel, a[1] as Excel, a[2] as Excel, a[3] as Excel, a[4] as Excel));
    });
  }

  dot(ast: { args: unknown[] }, state: unknown) {
    return this.runFunction(ast.args as never, state as never, this.metadata('PERF.DOT'), (...args: unknown[]) => {
      const a = args.map(toExcel);
      const e = firstError(a);
      return e ?? fromResult(functions.DOT(a[0] as Excel, a[1] as Excel, a[2] as Excel, a[3] as Excel, a[4] as Excel, a[5] as Excel));
    });
  }

  rolling12(ast: { args: unknown[] }, state: unknown) {
    return this.runFunction(ast.args as never, state as never, this.metadata('PERF.ROLLING12'), (values: unknown, dens: unknown) => {
      const v = toMatrix(values);
      const d = dens === undefined ? undefined : toMatrix(dens);
      const e = firstError([v, d]);
      return e ?? fromResult(functions.ROLLING12(v as Excel[][], d as Excel[][] | undefined));
    });
  }

  ratePer10k(ast: { args: unknown[] }, state: unknown) {
    return this.runFunction(ast.args as never, state as never, this.metadata('PERF.RATEPER10K'), (count: unknown, population: unknown) => {
      const c = toMatrix(count);
      const p = toExcel(population);
      const e = firstError([c, p]);
      if (e) return e;
      const rates = functions.RATEPER10K(c as Excel[][], p as Excel);
      if (rates.length === 1 && rates[0].length === 1) return fromResult(rates[0][0]);
      return SimpleRangeValue.onlyValues(rates.map((row) => row.map(fromResult)) as never);
    });
  }

  ratePer10kSize(ast: { args: unknown[] }, state: unknown): ArraySize {
    if (ast.args.length < 1) return ArraySize.error();
    const size = this.arraySizeForAst(ast.args[0] as never, state as never);
    // A plain reference is sized with isRef; the result is a new array of the same shape.
    return new ArraySize(size.width, size.height);
  }
}

const NAMES = ['PERF.RAG', 'PERF.DOT', 'PERF.ROLLING12', 'PERF.RATEPER10K'];

/** Registers the PERF functions with HyperFormula (once per test file, in beforeAll). */
export function registerPerf(): void {
  HyperFormula.registerFunctionPlugin(PerfPlugin, { enGB: Object.fromEntries(NAMES.map((n) => [n, n])) });
}

export function unregisterPerf(): void {
  HyperFormula.unregisterFunctionPlugin(PerfPlugin);
}
