/**
 * What an OLE compound file (MS-CFB) holds, when one is given for an .xlsx. Excel writes one
 * for two different things: a workbook encrypted with a password to open (MS-OFFCRYPTO
 * 2.3.4: the `EncryptionInfo` and `EncryptedPackage` streams), and an Excel 97-2003 .xls
 * (MS-XLS 2.1.2: the `Workbook` stream; `Book` in Excel 5/95). Word and PowerPoint 97-2003
 * files are compound files too. Each needs its own message.
 *
 * The directory entries are found where MS-CFB places them: 128 bytes each, at a multiple of
 * 128 bytes (the 512-byte header and every sector size are multiples of 128), each starting
 * with its UTF-16LE name, the name's byte length (terminator included) at 0x40 and its type
 * at 0x42 (2: a stream). Reading every such slot, not the directory chain, costs one look per
 * 128 bytes and cannot be sent round a loop by a damaged sector table.
 */

export type CompoundContent = 'encrypted' | 'xls' | 'other';

const ENTRY = 128;
const STREAM = 2;

function streamName(bytes: Uint8Array, at: number): string | null {
  const length = bytes[at + 0x40]! | (bytes[at + 0x41]! << 8);
  if (bytes[at + 0x42] !== STREAM || length < 4 || length > 64 || length % 2 !== 0) return null;
  let name = '';
  for (let i = 0; i < length - 2; i += 2) name += String.fromCharCode(bytes[at + i]! | (bytes[at + i + 1]! << 8));
  return bytes[at + length - 2] === 0 && bytes[at + length - 1] === 0 ? name : null;
}

/**
 * Whether a compound file is an encrypted Office package, an Excel 97-2003 workbook, or
 * something else.
 *
 * @example compoundContent(readFileSync('old.xls')) // 'xls'
 */
export function compoundContent(bytes: Uint8Array): CompoundContent {
  let xls = false;
  for (let at = 512; at + ENTRY <= bytes.length; at += ENTRY) {
    const name = streamName(bytes, at);
    if (name === 'EncryptedPackage') return 'encrypted';
    if (name === 'Workbook' || name === 'Book') xls = true;
  }
  return xls ? 'xls' : 'other';
}
