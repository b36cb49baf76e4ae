export { draftSummary, INFO_LARGE_CHANGE, type SummaryBullet, type SummaryDraft, type SummarySection } from './draftSummary';
export { freeSummaryName, summaryLines, summaryMarkdown, type SummaryLine } from './render';
