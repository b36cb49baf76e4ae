import ExcelJS from 'exceljs';
import { SheetPart } from '../../src/xlsx/package/sheet';
import { viaPackage } from '../helpers/viaPackage';
import { parseXml, XmlError, type XNode } from '../../src/xlsx/package/xml';

/**
 * The sheet's cell scanner (src/xlsx/package/cells.ts) against saxes, the XML parser it
 * stands in for inside <sheetData>: the same cells with the same values, formulas and
 * text, the same offsets, and the same refusals of what is not well-formed.
 */

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

function sheet(data: string, prefix = ''): string {
  const p = prefix ? `${prefix}:` : '';
  const xmlns = prefix ? `xmlns:${prefix}="${NS}"` : `xmlns="${NS}"`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${p}worksheet ${xmlns}><${p}dimension ref="A1"/><${p}sheetData>${data}</${p}sheetData><${p}pageMargins left="0.7"/></${p}worksheet>`;
}

interface Seen {
  ref: string | undefined;
  text: string;
  v: string | null;
  f: string | null;
  is: string | null;
  s: string | undefined;
}

/** What saxes's tree says the cells are (the reference the scanner must match). */
function bySaxes(xml: string): Seen[] {
  const root = parseXml(xml, 'sheet.xml');
  const data = root.children.find((c) => c.local === 'sheetData')!;
  const textOf = (n: XNode, skipPhonetic: boolean): string => n.text + n.children.filter((c) => !(skipPhonetic && c.local === 'rPh')).map((c) => textOf(c, skipPhonetic)).join('');
  const runs = (is: XNode): string =>
    is.children
      .filter((c) => c.local !== 'rPh')
      .map((c) => (c.local === 't' ? c.text : c.local === 'r' ? c.children.filter((t) => t.local === 't').map((t) => t.text).join('') : ''))
      .join('');
  const out: Seen[] = [];
  for (const row of data.children.filter((r) => r.local === 'row')) {
    for (const c of row.children.filter((x) => x.local === 'c')) {
      const v = c.children.find((x) => x.local === 'v');
      const f = c.children.find((x) => x.local === 'f');
      const is = c.children.find((x) => x.local === 'is');
      out.push({
        ref: c.attrs.r,
        text: xml.slice(c.start, c.end),
        v: v && v.text !== '' ? textOf(v, false) : null,
        f: f ? textOf(f, false) : null,
        is: is ? runs(is) || null : null,
        s: c.attrs.s,
      });
    }
  }
  return out;
}

function byScanner(xml: string): Seen[] {
  const part = new SheetPart(xml, 'sheet.xml');
  return part.cells().map((c) => ({ ref: c.attrs.r, text: xml.slice(c.start, c.end), v: c.v, f: c.f, is: c.is, s: c.attrs.s }));
}

// Every row names its prefix ('' for none): jest passes a `done` callback for a missing argument.
const CASES: Array<[string, string, string]> = [
  ['values, styles and shared strings', '<row r="1" spans="1:3"><c r="A1" s="2"><v>1.5</v></c><c r="B1" t="s"><v>0</v></c><c r="C1"/></row>', ''],
  ['formulas with attributes, text results', '<row r="2"><c r="A2"><f t="shared" ref="A2:A4" si="0">SUM(B2:C2)&amp;"x"</f><v>3</v></c><c r="A3"><f t="shared" si="0"/><v>4</v></c><c r="B3" t="str"><f>"a&lt;b"</f><v>a&lt;b</v></c></row>', ''],
  ['inline rich text and phonetic runs', '<row r="3"><c r="A3" t="inlineStr"><is><r><rPr><b/></rPr><t>Bold</t></r><r><t xml:space="preserve"> and &#x41;&#66;</t></r><rPh sb="0" eb="1"><t>ignored</t></rPh></is></c></row>', ''],
  ['comments, CDATA, processing instructions and whitespace', '<row r="4">\n  <!-- a <c> in a comment is not a cell -->\n  <c r="A4" t="str"><v><![CDATA[<not markup> & such]]></v></c><?pi data?>\n  <c r="B4" s=\'3\' ><v >7</v ></c >\n</row>', ''],
  ['self-closing rows and cells without references', '<row r="5"/><row><c><v>1</v></c><c t="b"><v>1</v></c></row><row r="9" customFormat="1" s="4"><c r="D9"/></row>', ''],
  ['a prefixed namespace', '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>hi</x:t></x:is></x:c><x:c r="B1"><x:v>2</x:v></x:c></x:row>', 'x'],
  // The one-step read of `<c ...><v>text</v></c>` and the cells near it that must not take it.
  ['plain value cells and their near misses', '<row r="1"><c r="A1"><v></v></c><c r="B1" t="str"><v>a &amp; b\r\nc</v></c><c r="C1"><v>1</v><f>A1</f></c><c r="D1"><v>2</v></c ><c r="E1" t="e"><v>#N/A</v></c></row>', ''],
  ['line ends and character references in text', '<row r="1"><c r="A1" t="str"><f>A1\r\n&amp;B1</f><v>one\r\ntwo &#10; three</v></c></row>', ''],
];

describe('sheet cell scanner', () => {
  it.each(CASES)('reads %s as the XML parser does', (_name, data, prefix) => {
    const xml = sheet(data, prefix);
    const expected = bySaxes(xml);
    expect(expected.length).toBeGreaterThan(0);
    expect(byScanner(xml)).toEqual(expected);
  });

  it('gives each cell its style and type as written, common or odd', () => {
    const styles = [undefined, '0', '7', '65535', '67108863', '67108864', '999999999', '12345678901', '-1', 'x'];
    const types = [undefined, 's', 'n', 'str', 'b', 'e', 'inlineStr', 'd', 'other'];
    const cells: string[] = [];
    for (const st of styles) for (const t of types) cells.push(`<c r="A${cells.length + 1}"${st === undefined ? '' : ` s="${st}"`}${t === undefined ? '' : ` t="${t}"`}><v>1</v></c>`);
    const part = new SheetPart(sheet(cells.map((c, i) => `<row r="${i + 1}">${c}</row>`).join('')), 'sheet.xml');
    const got = part.cells().map((c) => [c.style, c.hasStyle, c.t]);
    const expected = styles.flatMap((st) => types.map((t) => [st === undefined ? 0 : Number(st), st !== undefined, t]));
    expect(got).toEqual(expected);
  });

  it('tells self-closing cells from the others, as the XML parser does', () => {
    const xml = sheet('<row r="1"><c r="A1"/><c r="B1"></c><c r="C1"><v>1</v></c><c r="D1" t="inlineStr"><is><t>x</t></is></c><c r="E1" /></row>');
    const data = parseXml(xml, 'sheet.xml').children.find((c) => c.local === 'sheetData')!;
    const expected = data.children[0]!.children.map((c) => c.selfClosing);
    expect(new SheetPart(xml, 'sheet.xml').cells().map((c) => c.selfClosing)).toEqual(expected);
    expect(expected).toEqual([true, false, false, false, true]);
  });

  it('reads a plain figure from the text exactly as Number reads its string, and leaves anything else to its text', () => {
    const odd = ['1e5', ' 5', '+5', '0x1A', '-', '.', '1.2.3', 'Infinity', '1234567890123456', '0.1234567890123456'];
    const plain = ['12', '-0.907', '0.1', '.5', '5.', '-0', '007', '123456789012345', '0.30000000000000', '-99999.9999'];
    // Random figures of up to 15 digits, with the point anywhere: each quotient must round as Number's parse does.
    let seed = 7;
    const random = (): number => (seed = (seed * 48271) % 2147483647);
    for (let k = 0; k < 2000; k++) {
      const digits = String(random() * 1e6 + random()).slice(0, 1 + (random() % 15));
      const at = random() % (digits.length + 1);
      plain.push(`${random() % 2 ? '-' : ''}${digits.slice(0, at)}.${digits.slice(at)}`.replace(/^(-?)\.$/, '$10'));
    }
    const texts = [...odd, ...plain];
    const rows = texts.map((t, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${t}</v></c></row>`).join('');
    const cells = new SheetPart(sheet(rows), 'sheet.xml').cells();
    expect(cells.map((c) => c.v)).toEqual(texts);
    expect(cells.slice(0, odd.length).map((c) => c.plainNumber())).toEqual(odd.map(() => NaN));
    const read = cells.slice(odd.length).map((c) => c.plainNumber());
    const wrong = read.map((n, i) => [plain[i], n]).filter(([t, n]) => !Object.is(n, Number(t)));
    expect(wrong).toEqual([]);
  });

  it('keeps the elements after the cells as a tree with their offsets', () => {
    const xml = sheet('<row r="1"><c r="A1"><v>1</v></c></row>');
    const part = new SheetPart(xml, 'sheet.xml');
    const tree = parseXml(xml, 'sheet.xml');
    const shape = (n: XNode): unknown => ({ local: n.local, start: n.start, openEnd: n.openEnd, closeStart: n.closeStart, end: n.end, attrs: n.attrs });
    expect(part.root.children.map(shape)).toEqual(tree.children.map(shape));
    expect(shape(part.root)).toEqual(shape(tree));
    expect(part.top('pageMargins')?.attrs.left).toBe('0.7');
  });

  it('gives rows and cells their positions by reference, or next after the one before', () => {
    const part = new SheetPart(sheet('<row r="3"><c r="C3"><v>1</v></c><c><v>2</v></c></row><row><c r="B4"><v>3</v></c></row>'), 'sheet.xml');
    expect(part.cells().map((c) => [c.row, c.col, c.v])).toEqual([
      [2, 2, '1'],
      [2, 3, '2'],
      [3, 1, '3'],
    ]);
    expect(part.cell(3, 1)?.v).toBe('3');
    expect(part.cell(3, 2)).toBeUndefined();
  });

  const BAD: Array<[string, string]> = [
    ['an unclosed cell', '<row r="1"><c r="A1"><v>1</v></row>'],
    ['a misnested end tag', '<row r="1"><c r="A1"><v>1</c></v></row>'],
    ['an unquoted attribute', '<row r="1"><c r=A1><v>1</v></c></row>'],
    ['an undefined entity', '<row r="1"><c r="A1" t="str"><v>&nbsp;</v></c></row>'],
    ['an entity outside a value', '<row r="1">&bogus;<c r="A1"/></row>'],
    ['an unterminated comment', '<row r="1"><!-- never closed <c r="A1"/></row>'],
    ['a declaration', '<row r="1"><!ENTITY x "y"><c r="A1"/></row>'],
    ['a value cell closed by the wrong name', '<row r="1"><c r="A1"><v>1</v></cc></row>'],
    ['an undefined entity in a plain value cell', '<row r="1"><c r="A1"><v>&bogus;</v></c></row>'],
    ['a duplicate attribute', '<row r="1"><c r="A1" r="B1"/></row>'],
    ['"<" in an attribute', '<row r="1"><c r="A<1"/></row>'],
    ['an undefined entity in a cell attribute', '<row r="1"><c r="A1" cm="&bogus;"><v>1</v></c></row>'],
  ];

  it.each(BAD)('refuses %s, as the XML parser does', (_name, data) => {
    const xml = sheet(data);
    expect(() => parseXml(xml, 'sheet.xml')).toThrow(XmlError);
    expect(() => new SheetPart(xml, 'sheet.xml')).toThrow(XmlError);
  });

  it('refuses a part whose cells never close', () => {
    const xml = sheet('<row r="1"><c r="A1"><v>1</v></c></row>').replace('</sheetData>', '');
    expect(() => new SheetPart(xml, 'sheet.xml')).toThrow(XmlError);
  });

  it('still refuses a DOCTYPE before the root (the XML parser reads the prolog)', () => {
    const xml = sheet('<row r="1"><c r="A1"><v>1</v></c></row>').replace('<?xml version="1.0" encoding="UTF-8"?>\n', '<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY a "aaaa">]>');
    expect(() => new SheetPart(xml, 'sheet.xml')).toThrow(expect.objectContaining({ doctype: true }));
  });

  it('reads a long row in one pass (cells found = cells written)', () => {
    const cells = Array.from({ length: 20_000 }, (_, i) => `<c r="${String.fromCharCode(65 + (i % 26))}${i + 1}"><v>${i}</v></c>`);
    const rows = cells.map((c, i) => `<row r="${i + 1}">${c}</row>`).join('');
    const part = new SheetPart(sheet(rows), 'sheet.xml');
    expect(part.cells()).toHaveLength(20_000);
    expect(part.cells()[19_999]!.v).toBe('19999');
  });

  it('writes edited rows of text outside Latin-1 (arrows, an emoji) as the UTF-8 the reader reads back', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    const texts = Array.from({ length: 300 }, (_, i) => `${'↑↓→'[i % 3]} row ${i} 😀 é`);
    texts.forEach((t, i) => {
      ws.getCell(i + 1, 1).value = t;
      ws.getCell(i + 1, 2).value = i;
    });
    const { saved } = await viaPackage(wb, (x) => {
      const part = x.sheet('S');
      // Every other row restyled, one new cell per tenth row: the text is cut into many pieces.
      for (let r = 0; r < 300; r += 2) part.setStyle(r, 1, 0);
      for (let r = 0; r < 300; r += 10) part.setContent(r, 2, { kind: 'string', value: `✓ ${r} 𝄞` });
    });
    const back = saved.getWorksheet('S')!;
    expect(texts.map((_, i) => back.getCell(i + 1, 1).value)).toEqual(texts);
    expect(back.getCell(11, 3).value).toBe('✓ 10 𝄞');
    expect(back.getCell(300, 2).value).toBe(299);
  });
});
