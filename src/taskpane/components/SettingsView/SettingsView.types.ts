import type { DotConvention } from '../../../domain/types';
import type { Settings, WriteMode } from '../../../port/api';
import type { PaneMessage } from '../StatusMessage';

export interface SettingsViewProps {
  /** The settings stored in the workbook (or the defaults). */
  settings: Settings;
  /** Called after the workbook has stored new settings. */
  onSaved: (settings: Settings) => void;
}

export interface SettingsViewState {
  convention: DotConvention;
  mode: WriteMode;
  palette: Settings['palette'];
  paper: Settings['paper'];
  /** The population as typed; parsed on save. */
  populationText: string;
  /** Shown under the population field once the text has been judged invalid. */
  populationError: string | null;
  saving: boolean;
  message: PaneMessage | null;
  setConvention: (c: DotConvention) => void;
  setMode: (m: WriteMode) => void;
  setPalette: (p: Settings['palette']) => void;
  setPaper: (p: Settings['paper']) => void;
  setPopulationText: (text: string) => void;
  /** Judges the population text (on blur), without saving. */
  validatePopulation: () => void;
  save: () => void;
}
