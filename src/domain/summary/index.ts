export { draftSummary, INFO_LARGE_CHANGE, type SummaryBullet, type SummaryDraft, type SummarySection } from './draftSummary';
export { freeSummaryName, MAX_SHEET_NAME, summaryLines, summaryMarkdown, summaryText, type SummaryLine } from './render';
