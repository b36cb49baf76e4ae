import path from 'path';
import { generateCustomFunctionsMetadata, type ICustomFunctionsMetadata } from 'custom-functions-metadata';

const FILE = path.resolve(__dirname, '../../src/functions/functions.ts');

describe('functions.json generated from the JSDoc', () => {
  let metadata: ICustomFunctionsMetadata;
  let errors: string[];

  beforeAll(async () => {
    const result = await generateCustomFunctionsMetadata(FILE);
    errors = result.errors;
    metadata = JSON.parse(result.metadataJson) as ICustomFunctionsMetadata;
  }, 60000);

  it('generates without errors', () => {
    expect(errors).toEqual([]);
  });

  it('lists the four functions by id', () => {
    expect(metadata.functions.map((f) => f.id)).toEqual(['RAG', 'DOT', 'ROLLING12', 'RATEPER10K']);
  });

  it.each([
    ['RAG', [['value', false], ['red', false], ['amber', false], ['green', false], ['polarity', true]]],
    ['DOT', [['current', false], ['previous', false], ['polarity', true], ['status', true], ['convention', true], ['range', true]]],
    ['ROLLING12', [['values', false], ['denominators', true]]],
    ['RATEPER10K', [['count', false], ['population', false]]],
  ])('gives %s its parameters in the public order, with optionality', (id, params) => {
    const f = metadata.functions.find((x) => x.id === id);
    expect(f?.parameters.map((p) => [p.name, p.optional === true])).toEqual(params);
  });

  it('accepts text or numbers in every parameter', () => {
    for (const f of metadata.functions) for (const p of f.parameters) expect(p.type).toBe('any');
  });

  it('takes ranges as matrices where the contract says so', () => {
    const dims = (id: string): Array<string | undefined> => metadata.functions.find((x) => x.id === id)?.parameters.map((p) => p.dimensionality) ?? [];
    expect(dims('ROLLING12')).toEqual(['matrix', 'matrix']);
    expect(dims('RATEPER10K')).toEqual(['matrix', undefined]);
    expect(metadata.functions.find((x) => x.id === 'RATEPER10K')?.result?.dimensionality).toBe('matrix');
  });

  it('documents every function and parameter with a seed example for analysts', () => {
    for (const f of metadata.functions) {
      expect(f.description).toMatch(/=PERF\.[A-Z0-9]+\(/);
      for (const p of f.parameters) expect((p.description ?? '').length).toBeGreaterThan(10);
    }
  });
});
