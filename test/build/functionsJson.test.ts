import { BUILD_TIMEOUT_MS, ensureProductionBuild, readDistFile } from './dist';

beforeAll(ensureProductionBuild, BUILD_TIMEOUT_MS);

interface ParameterMetadata {
  name: string;
  description?: string;
  type?: string;
  dimensionality?: 'scalar' | 'matrix';
  optional?: boolean;
}
interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: ParameterMetadata[];
}

function metadata(): FunctionMetadata[] {
  return (JSON.parse(readDistFile('functions.json')) as { functions: FunctionMetadata[] }).functions;
}

/**
 * The public contract from issue 2: argument order is public API (`[x]` = optional).
 * PERF.RAG(value, red, amber, green, [polarity])
 * PERF.DOT(current, previous, [polarity], [status], [convention])
 * PERF.ROLLING12(values, [denominators])
 * PERF.RATEPER10K(count, population)
 */
const CONTRACT: [id: string, params: [name: string, optional: boolean][]][] = [
  ['RAG', [['value', false], ['red', false], ['amber', false], ['green', false], ['polarity', true]]],
  ['DOT', [['current', false], ['previous', false], ['polarity', true], ['status', true], ['convention', true]]],
  ['ROLLING12', [['values', false], ['denominators', true]]],
  ['RATEPER10K', [['count', false], ['population', false]]],
];

describe('functions.json generated from the functions\' JSDoc', () => {
  it('lists exactly the four PERF functions', () => {
    expect(metadata().map((f) => f.id).sort()).toEqual(CONTRACT.map(([id]) => id).sort());
  });

  it.each(CONTRACT)('gives %s its parameters in the agreed order, with the agreed optional flags', (id, params) => {
    const fn = metadata().find((f) => f.id === id);
    expect(fn).toBeDefined();
    expect(fn?.name).toBe(id);
    const actual = fn?.parameters.map((p): [string, boolean] => [p.name, p.optional === true]) ?? [];
    expect(actual.slice(0, params.length)).toEqual(params);
  });

  it.each(CONTRACT)('adds to %s, if anything, only optional parameters after the agreed ones', (id, params) => {
    // Argument order is public API: a workbook typed against the contract must keep working.
    const extra = metadata().find((f) => f.id === id)?.parameters.slice(params.length) ?? [];
    expect(extra.filter((p) => p.optional !== true).map((p) => p.name)).toEqual([]);
  });

  it.each(CONTRACT.map(([id]) => id))('describes %s and each of its parameters for analysts', (id) => {
    const fn = metadata().find((f) => f.id === id);
    expect(fn?.description?.trim()).toBeTruthy();
    for (const p of fn?.parameters ?? []) expect(p.description?.trim()).toBeTruthy();
  });

  it('lets Excel errors reach the functions and passes data type cells as their basic values (root flags, set by the build)', () => {
    const root = JSON.parse(readDistFile('functions.json')) as Record<string, unknown>;
    expect(root.allowErrorForDataTypeAny).toBe(true);
    expect(root.allowCustomDataForDataTypeAny).toBe(false);
    // The flag only matters for parameters of type any: every PERF parameter is one.
    const types = metadata().flatMap((f) => f.parameters.map((p) => p.type ?? 'any'));
    expect(new Set(types)).toEqual(new Set(['any']));
  });

  it('takes ranges where the contract takes a row or column of months', () => {
    const rolling = metadata().find((f) => f.id === 'ROLLING12');
    expect(rolling?.parameters.map((p) => p.dimensionality)).toEqual(['matrix', 'matrix']);
  });
});
