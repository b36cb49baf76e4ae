import * as fs from 'fs';
import * as path from 'path';
import { dateFromSerial, EXCEL_EPOCH_MS, serialFromDate, serialFromUtc, utcFromSerial } from '../../src/domain/excelDate';
import { monthSerial, serialMonth } from '../../src/domain/sheet/months';

describe("Excel's 1900 date system", () => {
  it.each([
    // Serial 61 is the first day after Excel's phantom 29 February 1900.
    [61, Date.UTC(1900, 2, 1)],
    [44105, Date.UTC(2020, 9, 1)],
    [44196, Date.UTC(2020, 11, 31)],
    [2958465, Date.UTC(9999, 11, 31)],
  ])('serial %i is %s ms', (serial, ms) => {
    expect(utcFromSerial(serial)).toBe(ms);
    expect(serialFromUtc(ms)).toBe(serial);
    expect(dateFromSerial(serial).getTime()).toBe(ms);
    expect(serialFromDate(new Date(ms))).toBe(serial);
  });

  it('keeps a time of day as the fraction, to the millisecond', () => {
    const noon = Date.UTC(2020, 9, 1, 12, 0, 0, 1);
    expect(serialFromDate(new Date(noon))).toBeCloseTo(44105.5, 7);
    expect(dateFromSerial(serialFromDate(new Date(noon))).getTime()).toBe(noon);
  });

  it('is the epoch the month headers use', () => {
    expect(monthSerial({ year: 2020, month: 10 })).toBe(serialFromUtc(Date.UTC(2020, 9, 1)));
    expect(serialMonth(44105.75)).toEqual({ year: 2020, month: 10 });
  });

  it('is written once in src', () => {
    const root = path.join(__dirname, '..', '..', 'src');
    const copies: string[] = [];
    const walk = (dir: string): void => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, e.name);
        if (e.isDirectory()) walk(file);
        else if (/\.tsx?$/.test(e.name) && !file.endsWith(path.join('domain', 'excelDate.ts'))) {
          const text = fs.readFileSync(file, 'utf8');
          if (/Date\.UTC\(\s*1899|86_?400_?000|\b25569\b|\b864e5\b/.test(text)) copies.push(path.relative(root, file));
        }
      }
    };
    walk(root);
    expect(copies).toEqual([]);
    expect(EXCEL_EPOCH_MS).toBe(Date.UTC(1899, 11, 30));
  });
});
