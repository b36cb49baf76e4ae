import { createFocusOutlineStyle, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';

/** A row of tabs drawn as Fluent's transparent medium TabList: an underline marks the selected one. */
export const useViewTabsStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'row', columnGap: tokens.spacingHorizontalXXS },
  tab: {
    ...typographyStyles.body1,
    position: 'relative',
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalMNudge}`,
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
      left: tokens.spacingHorizontalMNudge,
      right: tokens.spacingHorizontalMNudge,
      bottom: 0,
      height: tokens.strokeWidthThicker,
      borderRadius: tokens.borderRadiusCircular,
      backgroundColor: tokens.colorCompoundBrandStroke,
    },
  },
});
