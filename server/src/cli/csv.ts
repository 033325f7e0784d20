// A small RFC 4180 reader: comma-separated, "quoted" fields with "" for a quote, CRLF or LF line
// ends, line breaks inside quotes. Each record carries the line it starts on, for error messages.

export interface CsvRecord {
  /** 1-based line number where the record starts. */
  line: number;
  fields: string[];
}

export class CsvSyntaxError extends Error {
  override name = "CsvSyntaxError";
}

export function parseCsv(text: string): CsvRecord[] {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let afterQuote = false;
  const endField = () => {
    fields.push(field);
    field = "";
    afterQuote = false;
  };
  const endRecord = () => {
    endField();
    // A blank line is not a record.
    if (fields.length > 1 || fields[0] !== "") records.push({ line: recordLine, fields });
    fields = [];
  };
  for (let i = 0; i < input.length; i++) {
    const c = input[i] as string;
    if (quoted) {
      if (c === '"') {
        if (input[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          quoted = false;
          afterQuote = true;
        }
      } else {
        if (c === "\n") line++;
        field += c;
      }
      continue;
    }
    if (c === ",") endField();
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && input[i + 1] === "\n") i++;
      endRecord();
      line++;
      recordLine = line;
    } else if (c === '"' && field === "" && !afterQuote) quoted = true;
    else if (afterQuote) throw new CsvSyntaxError(`line ${line}: unexpected text after a closing quote`);
    else field += c;
  }
  if (quoted) throw new CsvSyntaxError(`line ${recordLine}: a quoted field is not closed`);
  if (field !== "" || fields.length) endRecord();
  return records;
}
