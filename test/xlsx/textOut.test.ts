import { OpcPackage } from '../../src/xlsx/package/opc';
import { SheetPart } from '../../src/xlsx/package/sheet';
import { PiecesOut, Utf8Writer } from '../../src/xlsx/package/textOut';
import { scanSheetData, writeStyledStartTag } from '../../src/xlsx/package/cells';
import { writeZip } from '../../src/xlsx/package/zip';
import { attrsText, parseXml } from '../../src/xlsx/package/xml';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

describe('sheet written straight into UTF-8', () => {
  it('gives the bytes of the text serialize() gives, with non-ASCII text, new cells, restyles and a new row', () => {
    const long = 'Ünïcødé 😀 '.repeat(20);
    const xml =
      `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS}"><dimension ref="A1:B2"/><sheetData>` +
      `<row r="1"><c r="A1" t="inlineStr"><is><t>Café ☕</t></is></c><c  r="B1"   s="2"><v>1</v></c></row>` +
      `<row r="2"><c r="A2" t="inlineStr"><is><t>${long}</t></is></c><c r="B2"/></row></sheetData></worksheet>`;
    const part = new SheetPart(xml, 'xl/worksheets/sheet1.xml');
    part.setStyle(0, 1, 7);
    part.setStyle(1, 0, 3);
    part.setContent(1, 3, { kind: 'string', value: 'naïve' });
    part.setContent(4, 0, { kind: 'number', value: 5 });
    const text = part.serialize();
    expect(text).toContain('<c r="B1" s="7"><v>1</v></c>');
    expect(text).toContain('<dimension ref="A1:D5"/>');
    expect(new TextDecoder().decode(part.serializeUtf8())).toBe(text);
  });

  it('writes each restyled start tag as the attribute-by-attribute writer does, however it is spaced or quoted', () => {
    const tags = [
      '<c r="A1" s="2" t="s">', '<c r="A1"/>', '<c/>', '<c>', '<c s="9"/>', "<c r='A1' s='12'>", '<c r="A1" t="n" s="3">', '<c  r="A1"  s="3">',
      '<c\tr="A1" s="3">', '<c r="A1"\ns="3"/>', '<c r="A1" s="3" >', '<c r="A1" s="3" />', '<c r = "A1" s ="4">', '<c r="A1" ss="4" x:s="5" s="6">',
      '<c r="A1" cm="1" s="3" vm="2">', '<c r="s=&quot;1&quot; s" s="3">', "<c r='a\"b' s=\"3\">",
    ];
    for (const tag of tags) {
      const cell = tag.endsWith('/>') ? tag : `${tag}<v>1</v></c>`;
      const xml = `<worksheet xmlns="${NS}" xmlns:x="urn:x"><sheetData><row r="1">${cell}</row></sheetData></worksheet>`;
      for (const style of [0, 7]) {
        const part = new SheetPart(xml, 'sheet.xml');
        part.setStyle(0, 0, style);
        const text = part.serialize();
        const start = xml.indexOf('<c');
        const rec = scanSheetData(xml, xml.indexOf('<sheetData>') + 11, 'sheetData', 'sheet.xml').rows[0]!.cells[0]!;
        const expected = new PiecesOut(xml);
        writeStyledStartTag(expected, xml, rec, style);
        expect(text).toBe(xml.slice(0, start) + expected.pieces.join('') + xml.slice(rec.openEnd));
        expect(new TextDecoder().decode(part.serializeUtf8())).toBe(text);
      }
    }
  });

  it('drops a stale spans from a row that gets a new cell, writing the rest of its start tag as the attribute writer does', () => {
    const rows =
      `<row r="1" spans="1:1" x14ac:dyDescent="0.25"><c r="A1"><v>1</v></c></row>` +
      `<row r="2"  spans="1:1" ht="15"><c r="A2"><v>1</v></c></row>` +
      `<row r="3" x='a&amp;b' spans="1:1" y="c>d"><c r="A3"><v>1</v></c></row>` +
      `<row r="4" spans="1:1"/>` +
      `<row r="5" spans="1:1"><c r="A5"><v>1</v></c></row>`;
    const xml = `<worksheet xmlns="${NS}" xmlns:x14ac="urn:ac"><sheetData>${rows}</sheetData></worksheet>`;
    const part = new SheetPart(xml, 'sheet.xml');
    for (const row of [0, 1, 2, 3]) part.setStyle(row, 1, 3);
    part.setStyle(4, 0, 2);
    const text = part.serialize();
    expect(text).toContain('<row r="1" x14ac:dyDescent="0.25"><c r="A1"><v>1</v></c><c r="B1" s="3"/></row>');
    expect(text).toContain('<row r="2" ht="15"><c r="A2"><v>1</v></c><c r="B2" s="3"/></row>');
    expect(text).toContain('<row r="3" x="a&amp;b" y="c&gt;d"><c r="A3"><v>1</v></c><c r="B3" s="3"/></row>');
    expect(text).toContain('<row r="4"><c r="B4" s="3"/></row>');
    // No new cell: the row's tag stays as it is, spans and all.
    expect(text).toContain('<row r="5" spans="1:1"><c r="A5" s="2"><v>1</v></c></row>');
    expect(new TextDecoder().decode(part.serializeUtf8())).toBe(text);
  });

  it('writes a sized row\'s start tag as the attribute writer does, whether it is copied around the change or rebuilt', () => {
    // Copied when spaced and quoted as the writer writes; rebuilt from its attributes otherwise.
    const tags = [
      '<row r="1" spans="1:2" x14ac:dyDescent="0.25">', '<row r="1">', '<row r="1" ht="12" customHeight="0" spans="1:2">', '<row r="1"  ht="12">',
      "<row r='1' spans='1:2'>", '<row r="1" x="a&amp;b" spans="1:2">', '<row r="1" y="c>d">', '<row r="1" spans="1:2" >', '<row\tr="1" ht="3">',
      '<row r="1" customHeight="1" ht="9" spans="1:2"/>', '<row r="1"/>', '<row r="1" />',
    ];
    const sets: Array<Record<string, string>> = [{ ht: '30', customHeight: '1' }, { customHeight: '1', ht: 'a"b&c' }, {}];
    for (const tag of tags) {
      const self = tag.endsWith('/>');
      const cells = '<c r="A1"><v>1</v></c>';
      const xml = `<worksheet xmlns="${NS}" xmlns:x14ac="urn:ac"><sheetData>${self ? tag : `${tag}${cells}</row>`}</sheetData></worksheet>`;
      const attrs = parseXml(xml.replace(/<sheetData>.*<\/sheetData>/, `<sheetData>${tag}${self ? '' : '</row>'}</sheetData>`), 'x').children[0]!.children[0]!.attrs;
      for (const rowAttrs of sets) {
        for (const newCell of [false, true]) {
          if (!newCell && Object.keys(rowAttrs).length === 0) continue;
          const part = new SheetPart(xml, 'sheet.xml');
          if (Object.keys(rowAttrs).length > 0) part.setRowAttrs(0, rowAttrs);
          if (newCell) part.setStyle(0, 2, 4);
          const expected = { ...attrs, ...rowAttrs };
          if (newCell) delete expected.spans;
          const open = `<row${attrsText(Object.entries(expected))}`;
          const text = part.serialize();
          const rowStart = text.indexOf('<row');
          const want = self && !newCell ? `${open}/>` : `${open}>`;
          expect([tag, rowAttrs, newCell, text.slice(rowStart, rowStart + want.length)]).toEqual([tag, rowAttrs, newCell, want]);
          expect(new TextDecoder().decode(part.serializeUtf8())).toBe(text);
        }
      }
    }
  });

  it('puts new cells among a row\'s cells in column order, restyled and content-only ones alike', () => {
    const xml = `<worksheet xmlns="${NS}"><sheetData><row r="2"><c r="C2"><v>1</v></c><c r="F2"><v>2</v></c></row></sheetData></worksheet>`;
    const part = new SheetPart(xml, 'sheet.xml');
    // Content-only edits given out of column order, restyles on both sides of the cells.
    part.setContent(1, 6, { kind: 'number', value: 7 });
    part.setContent(1, 0, { kind: 'string', value: 'a' });
    part.setContent(1, 3, { kind: 'number', value: 4 });
    part.setStyle(1, 1, 3);
    part.setStyle(1, 4, 0);
    part.setStyle(1, 7, 5);
    part.setStyle(1, 5, 6);
    part.setContent(1, 7, { kind: 'number', value: 8 });
    const text = part.serialize();
    expect(text).toContain(
      '<row r="2"><c r="A2" t="inlineStr"><is><t>a</t></is></c><c r="B2" s="3"/><c r="C2"><v>1</v></c><c r="D2"><v>4</v></c><c r="E2"/><c r="F2" s="6"><v>2</v></c><c r="G2"><v>7</v></c><c r="H2" s="5"><v>8</v></c></row>',
    );
    expect(new TextDecoder().decode(part.serializeUtf8())).toBe(text);
  });

  it('grows its buffer however small the first guess', () => {
    const source = 'a'.repeat(100) + 'é'.repeat(100);
    const out = new Utf8Writer(source, 1);
    out.range(0, 150);
    out.text('😀'.repeat(50));
    out.range(150, 200);
    expect(new TextDecoder().decode(out.bytes())).toBe(source.slice(0, 150) + '😀'.repeat(50) + source.slice(150));
  });

  it('writes a part read as UTF-16 and set as UTF-8 bytes with a UTF-8 declaration', () => {
    const xml = '<?xml version="1.0" encoding="UTF-16"?><a>é</a>';
    const utf16 = new Uint8Array(2 + xml.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < xml.length; i++) {
      utf16[2 + 2 * i] = xml.charCodeAt(i) & 0xff;
      utf16[3 + 2 * i] = xml.charCodeAt(i) >> 8;
    }
    const pkg = OpcPackage.open(writeZip([{ kind: 'new', name: 'x.xml', data: utf16 }]));
    expect(pkg.text('x.xml')).toBe(xml);
    pkg.setUtf8('x.xml', new TextEncoder().encode(xml.replace('é', 'è')));
    const saved = OpcPackage.open(pkg.save());
    expect(saved.text('x.xml')).toBe('<?xml version="1.0" encoding="UTF-8"?><a>è</a>');
  });
});
