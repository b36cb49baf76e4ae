import type { CellStyle, FormatPlan, PrintSetup } from '../../domain/plan/types';
import { boxAddress, columnLetters } from '../../domain/sheet/grid';
import { queueConditional } from './conditionalFormats';
import { rowHeightOps, type WriteOp } from './writeOps';

const H_ALIGN = { left: 'Left', center: 'Center', right: 'Right' } as const;
const V_ALIGN = { top: 'Top', center: 'Center', bottom: 'Bottom' } as const;
/** "Thin borders round every cell": the outline and the lines between cells. */
const EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideHorizontal', 'InsideVertical'] as const;

/** Queues one style on a RangeAreas: one property set per property the style has. */
function queueStyle(format: Excel.RangeFormat, style: Omit<CellStyle, 'numberFormat'>): void {
  if (style.fill !== undefined) format.fill.color = style.fill;
  if (style.fontColor !== undefined) format.font.color = style.fontColor;
  if (style.bold !== undefined) format.font.bold = style.bold;
  if (style.italic !== undefined) format.font.italic = style.italic;
  if (style.horizontalAlignment !== undefined) format.horizontalAlignment = H_ALIGN[style.horizontalAlignment];
  if (style.verticalAlignment !== undefined) format.verticalAlignment = V_ALIGN[style.verticalAlignment];
  if (style.wrapText !== undefined) format.wrapText = style.wrapText;
  if (style.border !== undefined) {
    for (const edge of EDGES) {
      const border = format.borders.getItem(edge);
      border.style = 'Continuous';
      border.weight = style.border === 'medium' ? 'Medium' : 'Thin';
      border.color = style.borderColor ?? '#000000';
    }
  }
}

/**
 * Queues `op` on `ws` (nothing is sent until the caller syncs). Every op is a handful of
 * calls whatever the number of cells it covers.
 */
export function queueOp(ws: Excel.Worksheet, op: WriteOp): void {
  switch (op.kind) {
    case 'values': {
      const range = ws.getRange(boxAddress(op.box));
      if (op.formulas) range.formulas = op.values;
      else range.values = op.values;
      return;
    }
    case 'numberFormat':
      ws.getRange(boxAddress(op.box)).numberFormat = op.formats;
      return;
    case 'style':
      queueStyle(ws.getRanges(op.address).format, op.style);
      return;
    case 'columnWidth':
      ws.getRanges(op.address).format.columnWidth = op.width;
      return;
    case 'freeze':
      if (op.rows > 0 && op.columns > 0) ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, op.rows, op.columns));
      else if (op.rows > 0) ws.freezePanes.freezeRows(op.rows);
      else if (op.columns > 0) ws.freezePanes.freezeColumns(op.columns);
      else ws.freezePanes.unfreeze();
      return;
    case 'conditional':
      queueConditional(ws, op);
      return;
    case 'print': {
      queuePrint(ws, op.setup);
      return;
    }
  }
}

/**
 * The part of the plan's print setup the write batch applies (and a failed write restores):
 * orientation, scale, print area and title rows. Documented values only (PageLayout,
 * ExcelApi 1.9): a percentage `zoom.scale` (10-400), never `horizontalFitToPages` (it may not
 * apply, office-js#1860) nor `verticalFitToPages: 0` (undocumented; the types document null).
 */
function queuePrint(ws: Excel.Worksheet, setup: PrintSetup): void {
  const layout = ws.pageLayout;
  layout.orientation = setup.orientation === 'landscape' ? 'Landscape' : 'Portrait';
  layout.zoom = { scale: setup.scale };
  layout.setPrintArea(boxAddress(setup.printArea));
  if (setup.repeatRows) layout.setPrintTitleRows(`$${setup.repeatRows.first + 1}:$${setup.repeatRows.last + 1}`);
}

/**
 * The rest of the page layout, after the write: paper, margins (points), title columns,
 * header and footer (codes &P, &N, &D as Excel's own dialog writes them), manual page breaks
 * between tables ("adds a page break before the top-left cell of the range",
 * PageBreakCollection.add) and the row heights wrapped text needs (RangeFormat.rowHeight).
 * No cell changes: queued in the round trip that deletes the backup.
 */
export function queuePageLayout(ws: Excel.Worksheet, plan: FormatPlan): void {
  const setup = plan.print;
  if (setup) {
    const layout = ws.pageLayout;
    layout.paperSize = setup.paper;
    layout.leftMargin = setup.margins.left;
    layout.rightMargin = setup.margins.right;
    layout.topMargin = setup.margins.top;
    layout.bottomMargin = setup.margins.bottom;
    layout.headerMargin = setup.margins.header;
    layout.footerMargin = setup.margins.footer;
    if (setup.repeatColumns) layout.setPrintTitleColumns(`$${columnLetters(setup.repeatColumns.first)}:$${columnLetters(setup.repeatColumns.last)}`);
    const hf = layout.headersFooters.defaultForAllPages;
    hf.leftHeader = setup.header.left;
    hf.centerHeader = setup.header.center;
    hf.rightHeader = setup.header.right;
    hf.leftFooter = setup.footer.left;
    hf.centerFooter = setup.footer.center;
    hf.rightFooter = setup.footer.right;
    for (const row of setup.rowBreaks) ws.horizontalPageBreaks.add(`A${row + 1}`);
  }
  for (const op of rowHeightOps(plan)) ws.getRanges(op.address).format.rowHeight = op.height;
}
