import { createFocusOutlineStyle, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';

/** A row of tabs drawn like Fluent's transparent small TabList: an underline marks the selected one. */
export const useViewTabsStyles = makeStyles({
  // The row wraps rather than overflow: four tabs need about 320 px at body size, and the pane
  // can be 300 px wide (a clipped "Settings" tab was found at 300 px in the browser test).
  list: { display: 'flex', flexDirection: 'row', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalXXS },
  tab: {
    ...typographyStyles.body1,
    position: 'relative',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalSNudge}`,
    border: 'none',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorTransparentBackground,
    color: tokens.colorNeutralForeground2,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorSubtleBackgroundHover, color: tokens.colorNeutralForeground2Hover },
    ':active': { backgroundColor: tokens.colorSubtleBackgroundPressed },
    ...createFocusOutlineStyle(),
  },
  selected: {
    ...typographyStyles.body1Strong,
    color: tokens.colorNeutralForeground1,
    '::after': {
      content: '""',
      position: 'absolute',
      left: tokens.spacingHorizontalSNudge,
      right: tokens.spacingHorizontalSNudge,
      bottom: 0,
      height: tokens.strokeWidthThicker,
      borderRadius: tokens.borderRadiusCircular,
      backgroundColor: tokens.colorCompoundBrandStroke,
    },
  },
});
