// Week buckets arrive as the local date of their Monday ("2026-11-16"). They are calendar dates,
// not instants: format them from their parts so no browser time zone can shift the day.
// Month names are spelled out here because Intl's en-GB short month for September varies
// between ICU versions ("Sep" or "Sept").
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function dateParts(date: string): { year: number; month: string; day: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
  if (!match || !month) throw new Error(`Not a calendar date: ${date}`);
  return { year: Number(match[1]), month, day: Number(match[3]) };
}

/** "2026-11-16" → "16 Nov" */
export function weekLabel(date: string): string {
  const { month, day } = dateParts(date);
  return `${day} ${month}`;
}

/** "2026-11-16" → "16 Nov 2026" */
export function weekLabelWithYear(date: string): string {
  const { year, month, day } = dateParts(date);
  return `${day} ${month} ${year}`;
}
