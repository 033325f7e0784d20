import { TOKEN_SCOPES, TokenCreate } from "@keel/shared";
import type { AppRouter } from "@keel/server/src/trpc/router.ts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { inferOutput, TRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTRPC } from "../../api/trpc.ts";
import { Field } from "../../components/Field.tsx";
import { SubmitRow } from "../../components/SubmitRow.tsx";
import { Options } from "../../components/Options.tsx";
import { QueryTable } from "../../components/QueryTable.tsx";
import { fieldErrors, type FieldErrors } from "./formErrors.ts";
import { formatDateTimeIn } from "@keel/shared/calendar";
import { RemoveDialog } from "./RemoveDialog.tsx";

const SCOPE_WORDS = {
  ingest: "Sends events and test reports (CI pipelines).",
  read: "Reads metrics, reports and exports (dashboards, scripts).",
  admin: "Does everything ingest and read tokens do.",
} as const;

/** A token as the list answers it (never the token itself: Keel keeps only its hash). */
type Token = inferOutput<TRPCOptionsProxy<AppRouter>["tokens"]["list"]>[number];

/** API tokens for pipelines and scripts: listed by name and prefix, created (shown once), revoked. */
export function TokensSection({ timeZone }: { timeZone: string }) {
  const trpc = useTRPC();
  const tokens = useQuery(trpc.tokens.list.queryOptions());
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [revoking, setRevoking] = useState<Token | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  return (
    <>
      <p aria-live="polite" className="form-success">
        {message}
      </p>
      <QueryTable
        query={tokens}
        noun="API tokens"
        testId="tokens-table"
        headers={["Name", "Scope", "Starts with", "Created", "Last used", "State"]}
        rows={(data) => data}
        empty="No API tokens yet."
        row={(token) => (
          <tr key={token.id} data-token={token.name} className={token.revokedAt ? "revoked" : undefined}>
            <th scope="row">{token.name}</th>
            <td>{token.scope}</td>
            <td>
              <code>{token.prefix}…</code>
            </td>
            <td className="nowrap">{formatDateTimeIn(token.createdAt, timeZone)}</td>
            <td className="nowrap">{token.lastUsedAt ? formatDateTimeIn(token.lastUsedAt, timeZone) : <span className="muted">never</span>}</td>
            <td>
              {token.revokedAt ? (
                <span className="muted">Revoked {formatDateTimeIn(token.revokedAt, timeZone)}</span>
              ) : (
                <button type="button" className="button button-danger button-small" onClick={() => setRevoking(token)} aria-label={`Revoke ${token.name}`}>
                  Revoke
                </button>
              )}
            </td>
          </tr>
        )}
      />
      <CreateTokenForm
        onCreated={(token) => {
          setMessage(null);
          setCreated(token);
        }}
      />
      {created ? <NewToken name={created.name} token={created.token} onDone={() => setCreated(null)} /> : null}
      {revoking ? (
        <RevokeDialog
          token={revoking}
          onClose={(revoked) => {
            setRevoking(null);
            if (revoked) setMessage(`Token ${revoking.name} revoked: requests that use it are refused from now on.`);
          }}
        />
      ) : null}
    </>
  );
}

function CreateTokenForm({ onCreated }: { onCreated: (token: { name: string; token: string }) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [scope, setScope] = useState<(typeof TOKEN_SCOPES)[number]>("ingest");
  const [errors, setErrors] = useState<FieldErrors>({});
  const create = useMutation(
    trpc.tokens.create.mutationOptions({
      onSuccess: async (token) => {
        setName("");
        onCreated({ name: token.name, token: token.token });
        await queryClient.invalidateQueries({ queryKey: trpc.tokens.pathKey() });
      },
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = TokenCreate.safeParse({ name, scope });
    if (!parsed.success) return setErrors(fieldErrors(parsed.error));
    setErrors({});
    create.mutate(parsed.data);
  }

  return (
    <form className="settings-form inline-form" onSubmit={submit} aria-labelledby="new-token-heading" noValidate>
      <h3 id="new-token-heading">Create a token</h3>
      <div className="settings-fields">
        <Field id="new-token-name" label="Name" error={errors.name}>
          {(control) => <input {...control} value={name} onChange={(e) => setName(e.target.value)} placeholder="github-actions" />}
        </Field>
        <Field id="new-token-scope" label="Scope" help={SCOPE_WORDS[scope]}>
          {(control) => (
            <select {...control} value={scope} onChange={(e) => setScope(e.target.value as (typeof TOKEN_SCOPES)[number])}>
              <Options values={TOKEN_SCOPES} />
            </select>
          )}
        </Field>
      </div>
      <SubmitRow label="Create token" busyLabel="Creating…" sending={create} refused="Not created" />
    </form>
  );
}

/** The new token, once: Keel keeps only its hash. */
function NewToken({ name, token, onDone }: { name: string; token: string; onDone: () => void }) {
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(token);
      setCopied("yes");
    } catch {
      // No clipboard access (a page served over plain HTTP to another host): select it for Ctrl+C.
      inputRef.current?.select();
      setCopied("failed");
    }
  }

  return (
    <div className="new-token" role="region" aria-labelledby="new-token-title" data-testid="new-token">
      <p id="new-token-title" className="new-token-title">
        Token {name} created. Copy it now: it will not be shown again.
      </p>
      <div className="new-token-row">
        <label htmlFor="new-token-value" className="visually-hidden">
          The new token
        </label>
        <input
          id="new-token-value"
          ref={inputRef}
          className="input new-token-value"
          readOnly
          value={token}
          spellCheck={false}
          onFocus={(e) => e.target.select()}
        />
        <button type="button" className="button" onClick={() => void copy()}>
          Copy
        </button>
        <button type="button" className="button button-quiet" onClick={onDone}>
          Done
        </button>
      </div>
      <p aria-live="polite" className="field-help">
        {copied === "yes"
          ? "Copied to the clipboard."
          : copied === "failed"
            ? "The browser refused the clipboard: the token is selected, press Ctrl+C (⌘C)."
            : 'Send it as "Authorization: Bearer <token>".'}
      </p>
    </div>
  );
}

/** Asks before revoking: anything that uses the token stops working at once. */
function RevokeDialog({ token, onClose }: { token: Token; onClose: (revoked: boolean) => void }) {
  const trpc = useTRPC();
  return (
    <RemoveDialog
      id="revoke"
      title={`Revoke ${token.name}?`}
      words={{ confirm: "Revoke token", busyLabel: "Revoking…", refused: "Not revoked" }}
      mutationOptions={trpc.tokens.revoke.mutationOptions}
      queryKey={trpc.tokens.pathKey()}
      recordId={token.id}
      onClose={onClose}
    >
      Anything that sends <code>{token.prefix}…</code> ({token.scope} scope) is refused from now on. This cannot be undone; you can create a new token.
    </RemoveDialog>
  );
}
