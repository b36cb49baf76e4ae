import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { ROOT } from './paths';

export interface AxeNode {
  target: string[];
  html: string;
  failureSummary?: string;
}
export interface AxeViolation {
  id: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  help: string;
  helpUrl: string;
  nodes: AxeNode[];
}

let axeSource: string | null = null;

/**
 * Fluent UI's focus manager (Tabster) puts invisible `<i data-tabster-dummy tabindex=0
 * aria-hidden>` sentinels round arrow-key groups; they pass focus on the instant they get it.
 * axe's aria-hidden-focus flags them: a known false positive (microsoft/tabster#288,
 * microsoft/fluentui#25133, Fluent v9 known issues). Only these elements are excluded; the
 * keyboard test checks that focus never rests on one.
 */
const EXCLUDED = [['[data-tabster-dummy]']];

/**
 * Runs axe-core on the page. axe is evaluated through the DevTools protocol rather than
 * `addScriptTag`: an inline <script> is exactly what the pane's CSP forbids, and relaxing
 * the CSP for the scan would hide violations the scan is meant to find.
 */
export async function runAxe(page: Page, runOnly?: string[]): Promise<AxeViolation[]> {
  axeSource ??= fs.readFileSync(path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!loaded) await page.evaluate(axeSource);
  return page.evaluate(async ([rules, TABSTER_DUMMIES]) => {
    type AxeRun = { run(ctx: Document, opts: object): Promise<{ violations: AxeViolation[] }> };
    const axe = (window as unknown as { axe: AxeRun }).axe;
    const options = rules ? { runOnly: { type: 'rule', values: rules } } : { resultTypes: ['violations'] };
    const result = await axe.run({ include: [document], exclude: TABSTER_DUMMIES } as unknown as Document, options);
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target.map(String), html: n.html, failureSummary: n.failureSummary })),
    }));
  }, [runOnly ?? null, EXCLUDED] as const);
}

export function seriousOrCritical(violations: AxeViolation[]): AxeViolation[] {
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** One line per failing node, so a failure message says what to fix and where. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map(
      (v) =>
        `[${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n` +
        v.nodes.map((n) => `    ${n.target.join(' ')}  ${n.html.slice(0, 160)}\n      ${(n.failureSummary ?? '').replace(/\n/g, ' ')}`).join('\n'),
    )
    .join('\n');
}

/** Rules that check every control has an accessible name (any impact counts). */
export const NAME_RULES = [
  'button-name',
  'label',
  'link-name',
  'select-name',
  'input-button-name',
  'aria-input-field-name',
  'aria-toggle-field-name',
  'aria-command-name',
  'aria-progressbar-name',
  'aria-meter-name',
  'aria-tooltip-name',
];
