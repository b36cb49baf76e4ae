import { Button, Field, Input, Radio, RadioGroup, Subtitle2, Text } from '@fluentui/react-components';
import type { DotConvention, DotState, DotTone, Rag } from '../../../domain/types';
import type { Settings, WriteMode } from '../../../port/api';
import { paneText } from '../../strings';
import { StatusMessage } from '../StatusMessage';
import { DotArrow, RagLetter } from '../Symbols';
import type { SettingsViewState } from './SettingsView.types';
import { useSettingsViewStyles } from './useSettingsViewStyles.styles';

const CONVENTIONS: DotConvention[] = ['performance', 'numeric'];
const MODES: WriteMode[] = ['static', 'formulas'];
const PALETTES: Array<Settings['palette']> = ['standard', 'highContrast'];
const PAPERS: Array<Settings['paper']> = ['A4', 'Letter', 'A3'];
const RAGS: Rag[] = ['red', 'amber', 'green'];
/**
 * The key's arrows follow the convention selected, not the one saved, in the order and
 * colours of the key Format writes beside the table (src/domain/plan/key.ts): under the
 * numeric convention an arrow is only a direction and its colour says good or bad.
 */
const DOT_KEY: Record<DotConvention, Array<{ state: DotState; tone?: DotTone }>> = {
  performance: [
    { state: 'improvement' },
    { state: 'stable' },
    { state: 'declineWithinLimits' },
    { state: 'declineNotOnTarget' },
    { state: 'increase' },
    { state: 'decrease' },
  ],
  numeric: [
    { state: 'increase', tone: 'good' },
    { state: 'stable', tone: 'neutral' },
    { state: 'decrease', tone: 'bad' },
  ],
};

/** JSX of the Settings view; all state comes from useSettingsView. */
export function renderSettingsView(
  state: SettingsViewState,
  styles: ReturnType<typeof useSettingsViewStyles>,
): React.JSX.Element {
  return (
    <div className={styles.root}>
      <Subtitle2 as="h2" block className={styles.heading}>
        {paneText.settingsHeading}
      </Subtitle2>
      <Text as="p" block className={styles.paragraph}>
        {paneText.settingsStored}
      </Text>
      <Field label={paneText.conventionLabel}>
        <RadioGroup value={state.convention} onChange={(_, d) => state.setConvention(d.value as DotConvention)}>
          {CONVENTIONS.map((c) => (
            <Radio key={c} value={c} label={paneText.conventionOption(c)} />
          ))}
        </RadioGroup>
      </Field>
      <Field label={paneText.modeLabel}>
        <RadioGroup value={state.mode} onChange={(_, d) => state.setMode(d.value as WriteMode)}>
          {MODES.map((m) => (
            <Radio key={m} value={m} label={paneText.modeOption(m)} />
          ))}
        </RadioGroup>
      </Field>
      <Field
        label={paneText.populationLabel}
        hint={paneText.populationHint}
        validationState={state.populationError ? 'error' : 'none'}
        validationMessage={state.populationError ?? undefined}
      >
        <Input
          inputMode="numeric"
          value={state.populationText}
          onChange={(_, d) => state.setPopulationText(d.value)}
          onBlur={state.validatePopulation}
        />
      </Field>
      <Field label={paneText.paletteLabel}>
        <RadioGroup value={state.palette} onChange={(_, d) => state.setPalette(d.value as Settings['palette'])}>
          {PALETTES.map((p) => (
            <Radio key={p} value={p} label={paneText.paletteOption(p)} />
          ))}
        </RadioGroup>
      </Field>
      <Field label={paneText.paperLabel} hint={paneText.paperHint}>
        <RadioGroup value={state.paper} onChange={(_, d) => state.setPaper(d.value as Settings['paper'])}>
          {PAPERS.map((p) => (
            <Radio key={p} value={p} label={paneText.paperOption(p)} />
          ))}
        </RadioGroup>
      </Field>
      <section aria-label={paneText.keyHeading}>
        <Subtitle2 as="h3" block className={styles.heading}>
          {paneText.keyHeading}
        </Subtitle2>
        <ul className={styles.key}>
          {RAGS.map((r) => (
            <li key={r} className={styles.keyItem}>
              <RagLetter rag={r} palette={state.palette} />
              <span aria-hidden="true">{paneText.rag(r)}</span>
            </li>
          ))}
          {DOT_KEY[state.convention].map(({ state: d, tone }) => (
            <li key={d} className={styles.keyItem}>
              <DotArrow state={d} tone={tone} />
              <span aria-hidden="true">{paneText.dot(d)}</span>
            </li>
          ))}
        </ul>
        {state.convention === 'numeric' && (
          <Text as="p" block className={styles.paragraph}>
            {paneText.keyNumericColour}
          </Text>
        )}
      </section>
      <div>
        <Button appearance="primary" onClick={state.save} disabledFocusable={state.saving}>
          {paneText.saveButton}
        </Button>
      </div>
      <StatusMessage message={state.message} />
    </div>
  );
}
