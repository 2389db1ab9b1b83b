/**
 * The heuristics that give a column its kind (numeric, categorical, boolean, datetime, text, id) from
 * facts counted by DuckDB. Pure, so the rules can be read and tested on their own.
 *
 * Rules, in order:
 * 1. DuckDB BOOLEAN -> boolean; DATE / TIME / TIMESTAMP -> datetime.
 * 2. id: no missing value and every value unique, and it looks like an identifier:
 *    - numbers: all integers and the name says id (`id`, `subject_id`, `participantID`, `subject`, `row`, ...),
 *      or the first column holds the row numbers 1..n (R's unnamed row-name column, `obs`, `n`);
 *    - text: the name says id, or it is the first column (row labels such as mtcars' car names).
 *    A unique numeric column with any other name stays numeric (`height` in R's `women` is 58..72).
 * 3. numbers -> numeric; `usableAsGroup` when it has 2..10 distinct values and at most half as many
 *    distinct values as observations (a coded factor like `cyl`, `dose`, `year`, `Treatment`).
 * 4. text with exactly two distinct values, each one of true/false/yes/no (any case) -> boolean.
 * 5. text with at most 50 distinct values, and at most half as many distinct values as observations
 *    -> categorical; otherwise free text.
 */
import type { ColumnKind } from '../types.js';
import type { StorageClass } from './source.js';

/** Largest number of levels a text column may have to count as categorical. */
export const MAX_CATEGORICAL_LEVELS = 50;

/** Largest number of distinct values a numeric column may have to be usable as a grouping factor. */
export const MAX_NUMERIC_GROUP_LEVELS = 10;

/** What DuckDB counted about one column. */
export interface ColumnFacts {
  name: string;
  /** 0-based position in the dataset. */
  position: number;
  storage: StorageClass;
  /** Rows of the dataset. */
  rows: number;
  /** Non-missing values. */
  n: number;
  distinct: number;
  /** Numbers only: every value is an integer. */
  integer?: boolean;
  /** Numbers only: the values are consecutive integers (max - min + 1 = distinct). */
  consecutive?: boolean;
  /** Numbers only: the smallest value. */
  min?: number;
  /** Text only: every value is true/false/yes/no in any case. */
  booleanWords?: boolean;
}

/** Names that say "identifier", as whole words (any case). */
const ID_WORDS =
  /^(?:.*[_\s.-])?(?:id|ids|uuid|guid|key|idx|index)$|^(?:subject|subj|participant|respondent|patient|person|case|record|row|rownames|row[_\s.]?names?|obs|observation|sample|animal|individual|unit|pid|sid)(?:[_\s.-]?(?:id|no|nr|num|number|code))?s?$/i;

/** camelCase identifiers: `subjectId`, `SubjectID`. */
const ID_CAMEL = /^[A-Za-z]+[a-z](?:Id|ID)$/;

/** Names a data tool gives a column without a header (R's row names, DuckDB's column0). */
const UNNAMED = /^(?:|column0|X|\.\.\.1|Unnamed: 0)$/;

/** Whether a column name says "identifier". */
export function isIdName(name: string): boolean {
  return ID_WORDS.test(name.trim()) || ID_CAMEL.test(name.trim());
}

/** The kind of a column and whether it can be used as a grouping factor. */
export function classifyColumn(facts: ColumnFacts): { kind: ColumnKind; usableAsGroup: boolean } {
  const { storage, n, rows, distinct } = facts;
  if (storage === 'boolean') return { kind: 'boolean', usableAsGroup: distinct >= 2 };
  if (storage === 'datetime') return { kind: 'datetime', usableAsGroup: false };
  const unique = n > 1 && n === rows && distinct === n;
  if (storage === 'numeric') {
    if (unique && facts.integer) {
      const rowNumbers = facts.position === 0 && facts.consecutive === true && (facts.min === 1 || UNNAMED.test(facts.name));
      if (isIdName(facts.name) || rowNumbers) return { kind: 'id', usableAsGroup: false };
    }
    const usableAsGroup = distinct >= 2 && distinct <= MAX_NUMERIC_GROUP_LEVELS && distinct * 2 <= n;
    return { kind: 'numeric', usableAsGroup };
  }
  if (unique && (isIdName(facts.name) || facts.position === 0)) return { kind: 'id', usableAsGroup: false };
  if (facts.booleanWords && distinct === 2) return { kind: 'boolean', usableAsGroup: true };
  if (distinct >= 1 && distinct <= MAX_CATEGORICAL_LEVELS && distinct * 2 <= n) {
    return { kind: 'categorical', usableAsGroup: distinct >= 2 };
  }
  return { kind: 'text', usableAsGroup: false };
}
