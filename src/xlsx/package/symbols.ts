/** Arrows typed in a symbol font: the rule is the engine's (domain/symbolFonts.ts), read here from a cell's font. */
export { symbolArrow } from '../../domain/symbolFonts';
