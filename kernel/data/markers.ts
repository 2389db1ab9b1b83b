/** Text that means "missing" in a text file (and in text columns of JSON, Parquet and workbooks). */
export const MISSING_MARKERS = ['NA', '', 'NaN', 'null', 'NULL'] as const;
