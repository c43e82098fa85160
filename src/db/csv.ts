// CSV as RFC 4180 writes it: fields separated by commas, a field with a comma,
// a quote, a line break or surrounding spaces in double quotes (a quote inside
// doubled), records ended by CRLF. The parser takes LF or CRLF, a leading
// UTF-8 byte-order mark, and says on which line of the text each record began
// (a quoted field may span lines).

export interface CsvRecord {
  /** the line of the text the record begins on (1 = the first line) */
  line: number;
  fields: string[];
}

/** The text's records; a quote left open is an error naming the line it opened on. */
export function parseCsv(text: string): CsvRecord[] {
  const s = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const out: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let start = 1;
  let quoted = false;
  let quoteLine = 0;
  let any = false;
  const endRecord = () => {
    fields.push(field);
    if (any || fields.length > 1 || field !== '') out.push({ line: start, fields });
    fields = [];
    field = '';
    any = false;
  };
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"') {
        if (s[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === '\n') line++;
        field += c;
      }
      continue;
    }
    if (c === '"' && field === '') {
      quoted = true;
      quoteLine = line;
      any = true;
    } else if (c === ',') {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      endRecord();
      line++;
      start = line;
    } else field += c;
  }
  if (quoted) throw new Error(`line ${quoteLine}: a quoted field is not closed`);
  if (field !== '' || fields.length || any) endRecord();
  return out;
}

/** One field, quoted when it must be. */
export function csvField(v: string): string {
  return /[",\r\n]|^\s|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** Records as CSV text: CRLF after each. */
export function formatCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.map(csvField).join(',') + '\r\n').join('');
}
