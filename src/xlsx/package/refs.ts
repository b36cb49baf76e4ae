/**
 * A1 references as the file writes them (`B12`, `$B$12`), 0-based, and column letters: the
 * domain's one A1 toolkit (src/domain/sheet/grid.ts), under the names this package uses.
 */
export { columnIndex, parseA1 as parseRef } from '../../domain/sheet/grid';
