// Issue trackers mark incidents with labels: an `incident` label, and severity as `sev1`, `SEV-2`,
// `severity:high` or `severity/critical`. Anything else is not read as a severity.

const SEVERITY_LABEL = /^(?:sev|severity)[\s:/_-]*([0-9]|critical|high|medium|low)$/i;

export function hasIncidentLabel(labels: readonly string[]): boolean {
  return labels.some((label) => label.trim().toLowerCase() === "incident");
}

/** The severity the labels name; two different ones are ambiguous, so neither is used. */
export function severityFromLabels(labels: readonly string[]): { severity?: string; dropped: string[] } {
  const found = new Set<string>();
  for (const label of labels) {
    const value = SEVERITY_LABEL.exec(label.trim())?.[1]?.toLowerCase();
    if (value) found.add(/^[0-9]$/.test(value) ? `sev${value}` : value);
  }
  if (found.size > 1) return { dropped: [`several severity labels (${[...found].join(", ")}): severity left unset`] };
  const [severity] = found;
  return severity ? { severity, dropped: [] } : { dropped: [] };
}
