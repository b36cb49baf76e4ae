import type { CellBox } from '../../domain/sheet/grid';
import { mayBeOurs } from './conditionalFormats';
import { boxOfAddress } from '../io/readGrid';
import { noteKind, type NoteKind } from '../revisions/revisionsNotes';
import type { SheetInfo } from '../revisions/revisionsRead';

/**
 * What Format needs to know about a sheet besides its cells, none of it depending on the
 * plan: queued beside the grid read so that the whole of Format's reading is ONE round
 * trip. Whatever depends on the plan (the key area, the number formats it keeps) is
 * answered from the grid; whatever a restore needs only on failure (column widths) is
 * read from the backup then.
 */
export interface FormatState {
  /** The sheet's id: writes address it by id, so a rename between read and write cannot misdirect them. */
  sheetId: string;
  sheetName: string;
  sheetProtected: boolean;
  /** Workbook structure protection: the backup copy needs to add a sheet. */
  structureProtected: boolean;
  /** Every sheet (name, visibility): the backup's name must be new; the revision count's baseline candidates. */
  sheets: SheetInfo[];
  /** Whether calculation is Manual: the add-in then leaves recalculation to the user. */
  manualCalculation: boolean;
  freeze: CellBox | null;
  orientation: string;
  zoom: Excel.PageLayoutZoomOptions;
  printArea: string | null;
  printTitleRows: string | null;
  /** Conditional formats on the sheet of a type the add-in writes: whether each is its own is decided with the write. */
  conditionals: Excel.ConditionalFormat[];
  /**
   * How this host can annotate cells, and the sheet's notes (contents only: a Note has no
   * address, where each sits is loaded with the write). None: the write batch adds the plan's notes.
   */
  notesKind: NoteKind;
  notes: Excel.Note[];
  /**
   * Every note of the sheet with its cell, when the read could tell them all: [] for a sheet
   * with none, or the cells of a `NoteRecord` when they hold exactly the notes the sheet has
   * (as many notes found on those cells as the sheet has). Null when a note's cell is unknown.
   */
  notesAt: Array<{ address: string; text: string }> | null;
}

/**
 * Where the notes of a sheet were when the add-in last saw them all (after its last Format
 * in this pane): a hint only. The read asks each cell for its note by address and trusts the
 * record only if the notes found there are all the sheet has.
 */
export interface NoteRecord {
  sheetId: string;
  addresses: string[];
}

/** The frozen location as a box; Excel gives whole rows as `1:3` and whole columns as `A:B`. */
export function frozenBox(address: string): CellBox | null {
  const local = address.slice(address.lastIndexOf('!') + 1).replace(/\$/g, '');
  const rows = /^(\d+):(\d+)$/.exec(local);
  if (rows) return { top: 0, left: 0, bottom: Number(rows[2]) - 1, right: 16_383 };
  const cols = /^([A-Z]+):([A-Z]+)$/.exec(local);
  if (cols) return boxOfAddress(`${cols[1]}1:${cols[2]}1048576`);
  return boxOfAddress(local);
}

/**
 * Queues the loads of FormatState for `ws` (no sync); the returned function builds it after
 * the caller's sync. Needs ExcelApi 1.9 (page layout), which Format checks first.
 */
export function queueFormatState(context: Excel.RequestContext, ws: Excel.Worksheet, record: NoteRecord | null = null): () => FormatState {
  ws.load('id, name, protection/protected, pageLayout/orientation, pageLayout/zoom');
  const sheets = context.workbook.worksheets;
  sheets.load('items/name,items/visibility');
  const workbookProtection = context.workbook.protection;
  workbookProtection.load('protected');
  // Read, never switched: changing the mode is application-wide on desktop (office-js#6922).
  const app = context.workbook.application;
  app.load('calculationMode');
  const freeze = ws.freezePanes.getLocationOrNullObject();
  freeze.load('address');
  const printArea = ws.pageLayout.getPrintAreaOrNullObject();
  printArea.load('address');
  const printTitles = ws.pageLayout.getPrintTitleRowsOrNullObject();
  printTitles.load('address');
  // The whole sheet's formats: those that could be the add-in's are examined with the write.
  const conditionals = ws.getRange().conditionalFormats;
  conditionals.load('items/type');
  const kind = noteKind();
  const notes = kind === 'note' ? ws.notes : null;
  notes?.load('items/content');
  // NoteCollection.getItemOrNullObject takes a cell address (ExcelApi 1.18, @types/office-js);
  // queued for whichever sheet is read, used only if it is the recorded one.
  const recorded = notes && record ? [...new Set(record.addresses)].map((address) => ({ address, note: notes.getItemOrNullObject(address).load('content') })) : [];
  /* eslint-disable office-addins/call-sync-before-read, office-addins/call-sync-after-load */
  return () => ({
    sheetId: ws.id,
    sheetName: ws.name,
    sheetProtected: ws.protection.protected,
    structureProtected: workbookProtection.protected,
    sheets: sheets.items.map((s) => ({ name: s.name, visibility: String(s.visibility) })),
    manualCalculation: app.calculationMode === 'Manual',
    freeze: freeze.isNullObject ? null : frozenBox(freeze.address),
    orientation: ws.pageLayout.orientation,
    zoom: ws.pageLayout.zoom,
    printArea: printArea.isNullObject ? null : printArea.address,
    printTitleRows: printTitles.isNullObject ? null : printTitles.address,
    conditionals: conditionals.items.filter((cf) => mayBeOurs(cf.type)),
    notesKind: kind,
    notes: notes ? notes.items : [],
    notesAt: notes ? notesAt(notes.items.length, ws.id, record, recorded) : null,
  });
  /* eslint-enable office-addins/call-sync-before-read, office-addins/call-sync-after-load */
}

/** Every note's cell, when known: none on the sheet, or the record's cells hold them all. */
function notesAt(
  count: number,
  sheetId: string,
  record: NoteRecord | null,
  recorded: ReadonlyArray<{ address: string; note: Excel.Note }>,
): Array<{ address: string; text: string }> | null {
  if (count === 0) return [];
  if (!record || record.sheetId !== sheetId) return null;
  const found = recorded.filter(({ note }) => !note.isNullObject).map(({ address, note }) => ({ address, text: note.content }));
  // Distinct cells hold distinct notes (one per cell): as many as the sheet has means all of them.
  return found.length === count ? found : null;
}
