import { parse } from 'csv-parse/sync';

export interface CsvRow {
  /** The line the row starts on in the file, as a spreadsheet user counts (header = line 1). */
  line: number;
  values: Record<string, string>;
}

/**
 * Reads a CSV file as spreadsheets write it: UTF-8 with or without BOM, CRLF or LF, `,` or `;`
 * (Excel in many locales) as separator, quoted fields with separators, quotes and line breaks,
 * blank lines and stray spaces. Header names are matched case-insensitively.
 */
export function readCsv(text: string): { columns: string[]; rows: CsvRow[] } {
  const withoutBom = text.replace(/^\uFEFF/, '');
  const header = withoutBom.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = count(header, ';') > count(header, ',') ? ';' : ',';
  const records = parse(withoutBom, {
    delimiter,
    bom: true,
    trim: true,
    skip_empty_lines: true,
    skip_records_with_empty_values: true,
    relax_column_count: true,
    info: true,
  }) as unknown as { record: string[]; info: { lines: number; records: number } }[];
  const [first, ...rest] = records;
  const columns = (first?.record ?? []).map((c) => c.toLowerCase());
  // info.lines is the line the record ends on; a record starts after the previous one ended.
  const lines = withoutBom.split(/\r?\n/);
  let previousEnd = first?.info.lines ?? 0;
  const rows = rest.map(({ record, info }) => {
    const line = nextNonBlankLine(lines, previousEnd);
    previousEnd = info.lines;
    return { line, values: Object.fromEntries(columns.map((c, i) => [c, record[i] ?? ''])) };
  });
  return { columns, rows };
}

const count = (text: string, char: string) => text.split(char).length - 1;

/** The first line after `afterLine` that has something on it (blank lines are skipped by the parser). */
function nextNonBlankLine(lines: string[], afterLine: number): number {
  let line = afterLine + 1;
  while (line <= lines.length && lines[line - 1]!.trim() === '') line += 1;
  return line;
}
