import type { CellStyle } from '../domain/plan/types';
import { boxAddress } from '../domain/sheet/grid';
import { queueConditional } from './conditionalFormats';
import type { WriteOp } from './writeOps';

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
      const { setup } = op;
      ws.pageLayout.orientation = setup.orientation === 'landscape' ? 'Landscape' : 'Portrait';
      // verticalFitToPages 0 is Excel's "automatic" height: fit the width only.
      ws.pageLayout.zoom = { horizontalFitToPages: setup.fitToPagesWide, verticalFitToPages: 0 };
      ws.pageLayout.setPrintArea(boxAddress(setup.printArea));
      if (setup.repeatRows) ws.pageLayout.setPrintTitleRows(`$${setup.repeatRows.first + 1}:$${setup.repeatRows.last + 1}`);
      return;
    }
  }
}
