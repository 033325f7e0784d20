import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "../../api/trpc.ts";
import { Options } from "../../components/Options.tsx";
import { QueryTable } from "../../components/QueryTable.tsx";
import { aRole, ROLES, type Role } from "../auth/roles.ts";
import { useSession } from "../auth/useSession.ts";
import { AddUserForm } from "./AddUserForm.tsx";
import { SaveStatus } from "./SaveStatus.tsx";
import { signInWaysText } from "./usersText.ts";
import { formatDateTimeIn } from "@keel/shared/calendar";

/** What a change did, in words (the server ends the user's sessions when it takes something away). */
function changeMessage(email: string, change: { role?: Role | undefined; disabled?: boolean | undefined }, sessionsEnded: number): string {
  const ended = sessionsEnded > 0 ? " They were signed out everywhere." : "";
  if (change.disabled === true) return `${email} is disabled: they can no longer sign in.${ended}`;
  if (change.disabled === false) return `${email} is enabled: they can sign in again.`;
  return change.role ? `${email} is now ${aRole(change.role)}.${ended}` : `${email} is changed.`;
}

/** People who sign in (admins only): their role, how they sign in, and disabling or enabling them. */
export function UsersSection({ timeZone }: { timeZone: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const session = useSession().data;
  const me = session?.kind === "user" ? session.user.email : null;
  const ssoConfigured = session?.signIn.sso ?? false;
  const users = useQuery(trpc.users.list.queryOptions());
  const [message, setMessage] = useState<string | null>(null);
  const refresh = () => Promise.all([trpc.users.pathKey(), trpc.audit.pathKey()].map((queryKey) => queryClient.invalidateQueries({ queryKey })));
  const update = useMutation(
    trpc.users.update.mutationOptions({
      onSuccess: async (user, change) => {
        setMessage(changeMessage(user.email, change, user.sessionsEnded));
        await refresh();
      },
    }),
  );
  const change = (input: { email: string; role?: Role; disabled?: boolean }) => {
    setMessage(null);
    update.mutate(input);
  };

  return (
    <>
      <QueryTable
        query={users}
        noun="users"
        testId="users-table"
        headers={["E-mail", "Name", "Role", "Signs in with", "Last sign-in", "State"]}
        rows={(data) => data.users}
        row={(user) => {
          const pending = update.isPending && update.variables.email === user.email;
          const self = user.email === me;
          return (
            <tr key={user.id} data-user={user.email} className={user.disabled ? "revoked" : undefined}>
              <th scope="row">
                {user.email}
                {self ? <span className="muted"> (you)</span> : null}
              </th>
              <td>{user.name}</td>
              <td>
                <select
                  className="input"
                  aria-label={`Role for ${user.email}`}
                  value={pending && update.variables.role ? update.variables.role : user.role}
                  // Your own admin role stays: another admin can take it away (the server refuses too).
                  disabled={pending || self}
                  onChange={(event) => change({ email: user.email, role: event.target.value as Role })}
                >
                  <Options values={ROLES} />
                </select>
              </td>
              <td>{signInWaysText(user, ssoConfigured)}</td>
              <td className="nowrap">{user.lastSignInAt ? formatDateTimeIn(user.lastSignInAt, timeZone) : <span className="muted">never</span>}</td>
              <td className="actions">
                <span>{user.disabled ? "Disabled" : "Active"}</span>
                {self ? null : (
                  <button
                    type="button"
                    className={`button button-small ${user.disabled ? "button-quiet" : "button-danger"}`}
                    disabled={pending}
                    onClick={() => change({ email: user.email, disabled: !user.disabled })}
                    aria-label={`${user.disabled ? "Enable" : "Disable"} ${user.email}`}
                  >
                    {user.disabled ? "Enable" : "Disable"}
                  </button>
                )}
              </td>
            </tr>
          );
        }}
      />
      <SaveStatus done={message} error={update.isError ? update.error : null} refused="Not changed" />
      <AddUserForm ssoConfigured={ssoConfigured} onCreated={(text) => setMessage(text)} onChange={refresh} />
    </>
  );
}
