import { tokens, type GriffelStyle } from '@fluentui/react-components';

/**
 * Headings rendered as h2/h3 drop the browser's large margins; the views' gaps space them.
 * Spread into each view's makeStyles so render functions stay free of extra hooks.
 */
export const headingStyles: Record<'heading' | 'paragraph', GriffelStyle> = {
  heading: { marginBlockStart: 0, marginBlockEnd: tokens.spacingVerticalXS },
  paragraph: { marginBlockStart: 0, marginBlockEnd: 0 },
};

/** The column layout every view shares: the view itself and its sections. */
export const viewLayoutStyles: Record<'root' | 'section', GriffelStyle> = {
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL },
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
};
