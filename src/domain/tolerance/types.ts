/** The shapes the tolerance reader produces; plain data, shared (and frozen) through the cache. */
import type { Polarity, Rag } from '../types';

/** One end of a band. */
export interface Bound {
  value: number;
  inclusive: boolean;
}

/** Values one written colour covers, on its own; `null` bounds are unbounded. */
export interface Band {
  rag: Rag;
  lower: Bound | null;
  upper: Bound | null;
  /** The text as written (`<90%`); empty for the Red the engine adds around a lone target. */
  source: string;
}

/** Values no band covers, with the bands either side (null at either end of the line). */
export interface Gap {
  lower: Bound | null;
  upper: Bound | null;
  below: Band | null;
  above: Band | null;
  /** Set when an unreadable cell's band might lie here: no certain letter, and that cell is to blame. */
  unreadable?: Rag;
}

/** Values two written bands both claim (`<=90%` and `>=90%` both hold 90%): no letter is certain there. */
export interface Conflict {
  lower: Bound | null;
  upper: Bound | null;
  bands: [Band, Band];
}

/** What is wrong with the ladder away from the value: shown on the row, the RAG still given. */
export type ToleranceWarningKind = 'emptyBand' | 'overlap' | 'gap' | 'unreadable';

export interface ToleranceWarning {
  kind: ToleranceWarningKind;
  /** The cell the warning is about. */
  rag: Rag;
  message: string;
}

/** A Red/Amber/Green cell that could not be read; values it might cover have no certain letter. */
export interface Unreadable {
  rag: Rag;
  text: string;
  code: 'badTolerance' | 'unitMismatch';
  message: string;
}

export type Tolerances =
  | { kind: 'none'; reason: 'blank' | 'notApplicable' | 'info' }
  | {
      kind: 'bands';
      polarity: Exclude<Polarity, 'info'>;
      /** Sorted from the lowest values to the highest; never overlapping (contested values are in `conflicts`). */
      bands: Band[];
      gaps: Gap[];
      conflicts: Conflict[];
      /** Green's cut point (High: its lower bound, Low: its upper), null for a range. */
      target: number | null;
      /** Written as percentages: values are fractions (95% is 0.95). */
      percent: boolean;
      /** Bracketed notes, e.g. `(of 720)`. */
      notes: string[];
      /**
       * True when only Green was written and the engine made the rest Red: a lone target
       * cannot tell Amber from Red, so such a measure is never Amber.
       */
      loneTarget: boolean;
      /** Flaws that do not touch every value: each names its cell. */
      warnings: ToleranceWarning[];
      /** Cells that could not be read (each is also a warning). */
      unreadable: Unreadable[];
    };

export type BandedTolerances = Extract<Tolerances, { kind: 'bands' }>;

/** One side of a band while the ladder is built. */
export interface Side {
  value: number;
  inclusive: boolean;
  /** Inclusivity not stated (`90%>`, a bare `95%`): decided by the neighbouring band. */
  soft: boolean;
}
