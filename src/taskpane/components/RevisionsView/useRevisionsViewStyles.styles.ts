import { makeStyles, tokens, type GriffelStyle } from '@fluentui/react-components';
import { headingStyles, viewLayoutStyles } from '../heading.styles';

/** Cuts text after `lines` lines with an ellipsis; the whole text stays in the DOM for screen readers. */
function clamp(lines: number): GriffelStyle {
  return {
    display: '-webkit-box',
    WebkitBoxOrient: 'vertical',
    WebkitLineClamp: lines,
    overflow: 'hidden',
    overflowWrap: 'anywhere',
  };
}

const focusRing: GriffelStyle = {
  outlineStyle: 'solid',
  outlineWidth: tokens.strokeWidthThick,
  outlineColor: tokens.colorStrokeFocus2,
  outlineOffset: `calc(-1 * ${tokens.strokeWidthThick})`,
};

export const useRevisionsViewStyles = makeStyles({
  ...headingStyles,
  ...viewLayoutStyles,
  // Tighter than the other views: at 350 x 640 the list and the card must both fit.
  root: { ...viewLayoutStyles.root, rowGap: tokens.spacingVerticalS },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
  fileInput: {
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    maxWidth: '100%',
    ':focus-visible': focusRing,
  },
  small: { color: tokens.colorNeutralForeground2 },
  // The list scrolls on its own, so a long list never pushes the card below the fold.
  list: {
    position: 'relative',
    maxHeight: '8rem',
    overflowY: 'auto',
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    ':focus-visible': focusRing,
  },
  option: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) auto',
    columnGap: tokens.spacingHorizontalS,
    alignItems: 'center',
    paddingBlock: tokens.spacingVerticalXS,
    paddingInline: tokens.spacingHorizontalS,
    cursor: 'pointer',
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': focusRing,
  },
  // The revision under review is marked by weight and a side bar as well as by colour.
  currentOption: {
    backgroundColor: tokens.colorNeutralBackground1Selected,
    boxShadow: `inset ${tokens.strokeWidthThicker} 0 0 ${tokens.colorBrandStroke1}`,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Selected },
  },
  optionName: { ...clamp(1), fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  currentName: { fontWeight: tokens.fontWeightSemibold },
  optionMeta: { ...clamp(1), fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, color: tokens.colorNeutralForeground2 },
  optionBadge: { gridColumnStart: 2, gridRowStart: 1, gridRowEnd: 3 },
  card: { rowGap: tokens.spacingVerticalXS, paddingBlock: tokens.spacingVerticalS },
  cardTop: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', columnGap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  cardNav: { display: 'flex', columnGap: tokens.spacingHorizontalXS },
  cardName: { ...clamp(2), fontWeight: tokens.fontWeightSemibold },
  cardFigures: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXXS },
});
