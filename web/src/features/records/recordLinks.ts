// Links between the Deployments and Incidents pages: a record opens with its details, whatever the
// list's filters (a record outside them is shown above the list).

export function deploymentHref(id: string): string {
  return `/deployments?selected=${encodeURIComponent(id)}`;
}

export function incidentHref(id: string): string {
  return `/incidents?selected=${encodeURIComponent(id)}`;
}

/** The REST export with the same period and scope: GET /api/v1/export/{kind}.csv?from=…&to=…. */
export function exportPath(
  kind: "deployments" | "incidents",
  input: { from: string; to: string; team?: string | undefined; service?: string | undefined; environment?: string | undefined },
): string {
  const params = new URLSearchParams({ from: input.from, to: input.to });
  if (input.team) params.set("team", input.team);
  if (input.service) params.set("service", input.service);
  if (input.environment) params.set("environment", input.environment);
  return `/api/v1/export/${kind}.csv?${params}`;
}
