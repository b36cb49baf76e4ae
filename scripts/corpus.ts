/**
 * Writes issue 10's corpus (workbooks from LibreOffice, openpyxl, a hand-written minimal
 * package, a far used range and the Google Sheets / Excel / .xlsm shapes, all built from the
 * sample data) into a folder, to format and open by hand:
 *
 *   npx tsx scripts/corpus.ts out/corpus
 *   npx scorecard format out/corpus/openpyxl.xlsx -o out/corpus/openpyxl-formatted.xlsx
 *
 * Needs LibreOffice (`soffice`) and `/usr/bin/python3` with openpyxl, as the tests do.
 * test/cli/producers.test.ts formats each and compares it with its input part by part.
 */
import { mkdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { buildCorpus } from '../test/cli/corpus';

const dir = resolve(process.argv[2] ?? join(__dirname, '..', 'out', 'corpus'));
mkdirSync(dir, { recursive: true });
for (const { producer, path } of buildCorpus(dir)) process.stdout.write(`${producer}: ${relative(process.cwd(), path)}\n`);
