// CSV as RFC 4180 writes it: comma-separated, CRLF line ends, a field quoted when it holds a
// comma, a quote, CR or LF, quotes doubled inside. Text fields that a spreadsheet would run as a
// formula (starting with =, +, -, @, or a tab or CR that hides one) get a leading apostrophe
// (OWASP "CSV injection"); numbers are written as numbers and never prefixed.

export type CsvValue = string | number | boolean | Date | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "true" : "false";
  let text = value instanceof Date ? value.toISOString() : value;
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: CsvValue[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}
