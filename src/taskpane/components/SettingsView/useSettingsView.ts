import { useCallback, useState } from 'react';
import type { DotConvention } from '../../../domain/types';
import type { Settings, WriteMode } from '../../../port/api';
import { useAddinApi } from '../../AddinApiContext';
import { parsePopulation } from '../../population';
import { settle } from '../../settle';
import { paneText } from '../../strings';
import { errorMessage, type PaneMessage } from '../StatusMessage';
import type { SettingsViewProps, SettingsViewState } from './SettingsView.types';

/** A draft of the settings, validated and saved in the workbook on request. */
export function useSettingsView({ settings, onSaved }: SettingsViewProps): SettingsViewState {
  const api = useAddinApi();
  const [convention, setConvention] = useState<DotConvention>(settings.convention);
  const [mode, setMode] = useState<WriteMode>(settings.mode);
  const [palette, setPalette] = useState<Settings['palette']>(settings.palette);
  const [paper, setPaper] = useState<Settings['paper']>(settings.paper);
  const [populationText, setPopulationTextState] = useState(
    settings.population === null ? '' : String(settings.population),
  );
  const [populationError, setPopulationError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<PaneMessage | null>(null);

  const setPopulationText = useCallback((text: string) => {
    setPopulationTextState(text);
    // Clear a stale error as soon as the text becomes valid; new errors wait for blur.
    if (parsePopulation(text).ok) setPopulationError(null);
  }, []);

  const validatePopulation = useCallback(() => {
    setPopulationError(parsePopulation(populationText).ok ? null : paneText.populationInvalid);
  }, [populationText]);

  const save = useCallback(() => {
    const population = parsePopulation(populationText);
    if (!population.ok) {
      setPopulationError(paneText.populationInvalid);
      setMessage(null);
      return;
    }
    const next: Settings = { convention, mode, palette, paper, population: population.value };
    setSaving(true);
    setMessage(null);
    void settle(() => api.saveSettings(next)).then((outcome) => {
      setSaving(false);
      if (outcome.ok) {
        setMessage({ intent: 'success', text: paneText.saved });
        onSaved(next);
      } else {
        setMessage(errorMessage(outcome.error));
      }
    });
  }, [api, convention, mode, palette, paper, populationText, onSaved]);

  return {
    convention,
    mode,
    palette,
    paper,
    populationText,
    populationError,
    saving,
    message,
    setConvention,
    setMode,
    setPalette,
    setPaper,
    setPopulationText,
    validatePopulation,
    save,
  };
}
