import * as path from 'path';
import { ROOT } from './dist';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the plugin is CommonJS for webpack
const { withFlags } = require(path.join(ROOT, 'scripts', 'functions-metadata.cjs')) as { withFlags: (json: string) => string };

describe('functions.json post-processing', () => {
  const generated = JSON.stringify({ allowCustomDataForDataTypeAny: true, functions: [{ id: 'RAG', name: 'RAG', parameters: [{ name: 'value', type: 'any' }] }] });

  it('lets errors reach the "any" parameters and asks Excel for basic values instead of data type objects', () => {
    const out = JSON.parse(withFlags(generated)) as Record<string, unknown>;
    expect(out.allowErrorForDataTypeAny).toBe(true);
    expect(out.allowCustomDataForDataTypeAny).toBe(false);
  });

  it('keeps the generated functions as they are', () => {
    expect((JSON.parse(withFlags(generated)) as { functions: unknown }).functions).toEqual((JSON.parse(generated) as { functions: unknown }).functions);
  });

  it('refuses metadata without a functions list (the generator failed)', () => {
    expect(() => withFlags('{}')).toThrow('no functions list');
  });
});
