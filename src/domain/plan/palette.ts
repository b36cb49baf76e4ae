import type { DotTone, Rag } from '../types';
import { readableOn } from './contrast';

/** Colours of one scheme: RAG fills (the letter colour is derived for contrast) and DOT arrow colours. */
export interface Palette {
  rag: Record<Rag, string>;
  /** Arrow colour on a white cell, per tone. */
  dot: Record<DotTone, string>;
  /** Fill of a RAG cell with no status: white, so last month's colour never lingers. */
  blank: string;
  header: { fill: string; font: string };
  section: { font: string };
  border: string;
}

export type PaletteName = 'standard' | 'highContrast';

/**
 * The palettes, defined once. Standard uses the report's familiar Excel colours; high
 * contrast darkens them for print and low vision. Every letter-on-fill and arrow-on-white
 * pair meets WCAG AA (tested).
 */
export const PALETTES: Record<PaletteName, Palette> = {
  standard: {
    rag: { red: '#C00000', amber: '#FFC000', green: '#00B050' },
    dot: { good: '#00703C', warning: '#9C5700', bad: '#C00000', neutral: '#595959' },
    blank: '#FFFFFF',
    header: { fill: '#D9E1F2', font: '#000000' },
    section: { font: '#1F3864' },
    border: '#808080',
  },
  highContrast: {
    rag: { red: '#7F0000', amber: '#FFD500', green: '#005A1E' },
    dot: { good: '#004D1A', warning: '#6B3A00', bad: '#7F0000', neutral: '#000000' },
    blank: '#FFFFFF',
    header: { fill: '#000000', font: '#FFFFFF' },
    section: { font: '#000000' },
    border: '#000000',
  },
};

/**
 * Fill and letter colour of a RAG cell.
 * @example ragColours(PALETTES.standard, 'amber') // { fill: '#FFC000', font: '#000000' }
 */
export function ragColours(palette: Palette, rag: Rag): { fill: string; font: string } {
  const fill = palette.rag[rag];
  return { fill, font: readableOn(fill) };
}

/** `R`, `A`, `G`: the letters the seeds print and PERF.RAG returns. */
export const RAG_LETTER: Record<Rag, string> = { red: 'R', amber: 'A', green: 'G' };
