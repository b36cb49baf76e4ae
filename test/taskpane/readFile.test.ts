/** @jest-environment jsdom */
import { readFileAsArrayBuffer } from '../../src/taskpane/readFile';

describe('readFileAsArrayBuffer', () => {
  it('reads the bytes of a picked file', async () => {
    const bytes = [0x50, 0x4b, 0x03, 0x04, 0xff];
    const data = await readFileAsArrayBuffer(new File([new Uint8Array(bytes)], 'Nov-20.xlsx'));
    expect(Array.from(new Uint8Array(data))).toEqual(bytes);
  });

  it('falls back to FileReader where Blob has no arrayBuffer()', async () => {
    const blob = new Blob([new Uint8Array([1, 2, 3])]);
    Object.defineProperty(blob, 'arrayBuffer', { value: undefined });
    const data = await readFileAsArrayBuffer(blob);
    expect(Array.from(new Uint8Array(data))).toEqual([1, 2, 3]);
  });
});
