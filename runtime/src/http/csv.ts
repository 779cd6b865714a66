// CSV for spreadsheets (RFC 4180): a cell is quoted when it holds a quote, comma or line break,
// and text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@` not starting a number)
// is prefixed with `'`. Rows end in CRLF. `wantsCsv` reads `?format=csv` or `Accept: text/csv`.

export function csvCell(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  const safe = /^[=+\-@]/.test(text) && !/^-?\d/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The header row and the rows, each a list of cells. */
export function csvText(header: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return [header.join(','), ...rows.map((r) => r.map(csvCell).join(','))].join('\r\n') + '\r\n';
}

/** `format=csv`, or no `format` and an Accept header naming text/csv. */
export function wantsCsv(format: 'json' | 'csv' | undefined, accept: string | undefined): boolean {
  return format === 'csv' || (format === undefined && /\btext\/csv\b/i.test(accept ?? ''));
}
