import type { PaperSize } from '../domain/plan/types';
import type { DotConvention } from '../domain/types';

/** Where a command prints: injected so tests can run commands in-process too. */
export interface CliIO {
  out: (text: string) => void;
  err: (text: string) => void;
}

export interface FormatArgs {
  input: string;
  output: string;
  sheet?: string;
  previous?: string;
  convention: DotConvention;
  formulas: boolean;
  force: boolean;
  /** Paper the sheet prints on (A4 unless --paper says otherwise). */
  paper: PaperSize;
}

export interface RevisionsArgs {
  published: string;
  current: string;
  sheet?: string;
  as: 'table' | 'csv' | 'json';
}

export interface SummaryArgs {
  input: string;
  sheet?: string;
  convention: DotConvention;
}

export interface NewMonthArgs {
  input: string;
  output: string;
  sheet?: string;
  force: boolean;
}
