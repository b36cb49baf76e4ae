import { makeStyles, tokens } from '@fluentui/react-components';

export const useAppStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minWidth: 0,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  // The browser's h1 margins (about 32 px) would push the views down a narrow, short pane.
  title: { marginBlockStart: 0, marginBlockEnd: 0 },
  panel: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    // A class's display beats the browser's own [hidden] rule: without this, inactive
    // views (kept mounted to keep their state) would still show.
    '&[hidden]': { display: 'none' },
  },
});
