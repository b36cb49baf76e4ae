import { makeStyles, shorthands, tokens } from '@fluentui/react-components';

/**
 * Colours of the RAG letters and DOT arrows drawn in the pane. Each letter and arrow
 * also carries its meaning in its shape and its accessible name: colour is never the
 * only carrier (print is often black and white, some readers are colour-blind).
 */
export const useSymbolStyles = makeStyles({
  letter: {
    display: 'inline-flex',
    alignItems: 'center',
    justifyContent: 'center',
    minWidth: '1.5em',
    paddingInline: tokens.spacingHorizontalXS,
    fontWeight: tokens.fontWeightSemibold,
    borderRadius: tokens.borderRadiusSmall,
    ...shorthands.border(tokens.strokeWidthThin, 'solid', 'transparent'),
  },
  arrow: {
    display: 'inline-block',
    minWidth: '1.25em',
    textAlign: 'center',
    fontWeight: tokens.fontWeightBold,
  },
  // Standard palette: a light tint with the darker shade of the same hue for text,
  // the pairing Fluent designs for readable (AA) contrast.
  redStandard: {
    backgroundColor: tokens.colorPaletteRedBackground1,
    color: tokens.colorPaletteRedForeground1,
    ...shorthands.borderColor(tokens.colorPaletteRedBorder1),
  },
  amberStandard: {
    backgroundColor: tokens.colorPaletteMarigoldBackground1,
    color: tokens.colorPaletteMarigoldForeground1,
    ...shorthands.borderColor(tokens.colorPaletteMarigoldBorder1),
  },
  greenStandard: {
    backgroundColor: tokens.colorPaletteGreenBackground1,
    color: tokens.colorPaletteGreenForeground1,
    ...shorthands.borderColor(tokens.colorPaletteGreenBorder1),
  },
  // High contrast: neutral background, strong text and a thick border in the hue.
  redHigh: {
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorPaletteRedForeground1,
    ...shorthands.border(tokens.strokeWidthThick, 'solid', tokens.colorPaletteRedForeground1),
  },
  amberHigh: {
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    ...shorthands.border(tokens.strokeWidthThick, 'solid', tokens.colorPaletteDarkOrangeForeground1),
  },
  greenHigh: {
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorPaletteGreenForeground1,
    ...shorthands.border(tokens.strokeWidthThick, 'solid', tokens.colorPaletteGreenForeground1),
  },
  good: { color: tokens.colorPaletteGreenForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  bad: { color: tokens.colorPaletteRedForeground1 },
  neutral: { color: tokens.colorNeutralForeground2 },
});
