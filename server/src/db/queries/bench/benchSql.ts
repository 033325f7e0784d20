// What the synthetic benchmark data builders (doraBenchData.ts, costsBenchData.ts) share: their
// "random" numbers and the organisation both build.
import { Prisma } from "../../../generated/prisma/client.ts";

/** A uniform number in [0, 1) from a key and a salt: a hash (hashint8), so every run builds the same data. */
export const rnd = (n: Prisma.Sql, salt: number) => Prisma.sql`((hashint8((${n})::bigint * 7919 + ${salt}::int) & 2147483647)::float8 / 2147483648)`;

/**
 * Teams 1..teams and services 1..services, service s in team 1 + (s - 1) % teams, with the ids the
 * builders refer to them by: md5('team' || n) and md5('svc' || n). `teamSize` is every team's size
 * (null: unknown).
 */
export function teamsAndServices(size: { teams: number; services: number }, teamSize: number | null): Prisma.Sql {
  return Prisma.sql`
    WITH t AS (
      INSERT INTO "Team" (id, slug, name, size)
      SELECT md5('team' || t)::uuid, 'team-' || t, 'Team ' || t, ${teamSize}::int FROM generate_series(1, ${size.teams}::int) t
      RETURNING id
    )
    INSERT INTO "Service" (id, slug, name, "teamId")
    SELECT md5('svc' || s)::uuid, 'svc-' || s, 'Service ' || s, md5('team' || (1 + (s - 1) % ${size.teams}::int))::uuid
    FROM generate_series(1, ${size.services}::int) s`;
}
