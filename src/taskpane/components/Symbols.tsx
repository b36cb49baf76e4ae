import { mergeClasses } from '@fluentui/react-components';
// The pane's key must show the very glyphs Format writes to the sheet: one source.
import { DOT_GLYPHS } from '../../domain/dot';
import type { DotState, DotTone, Rag } from '../../domain/types';
import type { Settings } from '../../port/api';
import { paneText } from '../strings';
import { useSymbolStyles } from './Symbols.styles';

type Palette = Settings['palette'];

export interface RagLetterProps {
  rag: Rag;
  /** @default 'standard' */
  palette?: Palette;
}

/** A RAG letter with its colour; screen readers hear "Red", not "R". */
export function RagLetter({ rag, palette = 'standard' }: RagLetterProps): React.JSX.Element {
  const styles = useSymbolStyles();
  const tone = styles[`${rag}${palette === 'standard' ? 'Standard' : 'High'}` as const];
  return (
    <span role="img" aria-label={paneText.rag(rag)} className={mergeClasses(styles.letter, tone)}>
      {paneText.ragLetter(rag)}
    </span>
  );
}


/** Colour meaning of each state under the performance convention (docs/DOMAIN.md, DOT). */
const TONES: Record<DotState, DotTone> = {
  improvement: 'good',
  stable: 'neutral',
  declineWithinLimits: 'warning',
  declineNotOnTarget: 'bad',
  increase: 'neutral',
  decrease: 'neutral',
};

export interface DotArrowProps {
  state: DotState;
  /** Overrides the state's usual colour (the numeric convention colours up/down by meaning). */
  tone?: DotTone;
  /** Overrides the spoken name, e.g. "Up, good". */
  label?: string;
}

/** A DOT arrow; its accessible name says what it means ("Decline, not on target"). */
export function DotArrow({ state, tone, label }: DotArrowProps): React.JSX.Element {
  const styles = useSymbolStyles();
  return (
    <span
      role="img"
      aria-label={label ?? paneText.dot(state)}
      className={mergeClasses(styles.arrow, styles[tone ?? TONES[state]])}
    >
      {DOT_GLYPHS[state]}
    </span>
  );
}
