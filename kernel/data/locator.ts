/**
 * A dataset's locator: the file, and for a workbook the sheet. Everything below the session names a
 * dataset by one string (caches, the worker's tasks), so a named sheet travels inside it, after a NUL
 * character, which no file path can contain. `datasetLocator('survey.xlsx', 'Wave 2')`.
 */

const SEPARATOR = '\u0000sheet=';

/** The locator of a file, with the sheet when one is named (none: the file's path unchanged). */
export function datasetLocator(file: string, sheet?: string): string {
  return sheet === undefined || sheet === '' ? file : `${file}${SEPARATOR}${sheet}`;
}

/** The file and sheet of a locator. */
export function parseLocator(locator: string): { file: string; sheet?: string } {
  const at = locator.indexOf(SEPARATOR);
  return at < 0 ? { file: locator } : { file: locator.slice(0, at), sheet: locator.slice(at + SEPARATOR.length) };
}

/** A locator as a researcher reads it: `survey.xlsx (sheet "Wave 2")`. */
export function shownLocator(locator: string): string {
  const { file, sheet } = parseLocator(locator);
  return sheet === undefined ? file : `${file} (sheet "${sheet}")`;
}
