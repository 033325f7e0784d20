import { TOKEN_SCOPES, TokenCreate } from "@keel/shared";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { describeApiError } from "../../api/describeApiError.ts";
import { useTRPC } from "../../api/trpc.ts";
import { ErrorState, LoadingState } from "../../components/StateMessage.tsx";
import { fieldErrors, type FieldErrors } from "./formErrors.ts";
import { formatDateTimeIn } from "../../format/calendar.ts";

const SCOPE_WORDS = {
  ingest: "Sends events and test reports (CI pipelines).",
  read: "Reads metrics, reports and exports (dashboards, scripts).",
  admin: "Does everything ingest and read tokens do.",
} as const;

interface Token {
  id: string;
  name: string;
  scope: (typeof TOKEN_SCOPES)[number];
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

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
      {tokens.isPending ? (
        <LoadingState label="Loading API tokens…" lines={3} />
      ) : tokens.isError ? (
        <ErrorState
          title="The API tokens could not be loaded."
          detail={describeApiError(tokens.error)}
          onRetry={() => void tokens.refetch()}
          retrying={tokens.isFetching}
        />
      ) : tokens.data.length === 0 ? (
        <p className="muted">No API tokens yet.</p>
      ) : (
        <div className="table-scroll">
          <table className="settings-table" data-testid="tokens-table">
            <caption className="visually-hidden">API tokens</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Scope</th>
                <th scope="col">Starts with</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">State</th>
              </tr>
            </thead>
            <tbody>
              {tokens.data.map((token) => (
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
                      <button
                        type="button"
                        className="button button-danger button-small"
                        onClick={() => setRevoking(token)}
                        aria-label={`Revoke ${token.name}`}
                      >
                        Revoke
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
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
        <div className="field">
          <label htmlFor="new-token-name">Name</label>
          <input
            id="new-token-name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="github-actions"
            aria-invalid={Boolean(errors.name)}
            aria-describedby={errors.name ? "new-token-name-error" : undefined}
          />
          {errors.name ? (
            <p className="field-error" id="new-token-name-error">
              {errors.name}
            </p>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor="new-token-scope">Scope</label>
          <select
            id="new-token-scope"
            value={scope}
            onChange={(e) => setScope(e.target.value as (typeof TOKEN_SCOPES)[number])}
            aria-describedby="new-token-scope-help"
          >
            {TOKEN_SCOPES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
          <p className="field-help" id="new-token-scope-help">
            {SCOPE_WORDS[scope]}
          </p>
        </div>
      </div>
      <div className="form-actions">
        <button type="submit" className="button" disabled={create.isPending}>
          {create.isPending ? "Creating…" : "Create token"}
        </button>
        {create.isError ? (
          <p className="field-error" role="alert">
            Not created: {describeApiError(create.error)}
          </p>
        ) : null}
      </div>
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
  const queryClient = useQueryClient();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const revoke = useMutation(
    trpc.tokens.revoke.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.tokens.pathKey() });
        onClose(true);
      },
    }),
  );
  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  return (
    <dialog ref={dialogRef} className="confirm-dialog" aria-labelledby="revoke-title" aria-describedby="revoke-text" onCancel={() => onClose(false)}>
      <h3 id="revoke-title">Revoke {token.name}?</h3>
      <p id="revoke-text">
        Anything that sends <code>{token.prefix}…</code> ({token.scope} scope) is refused from now on. This cannot be undone; you can create a new token.
      </p>
      {revoke.isError ? (
        <p className="field-error" role="alert">
          Not revoked: {describeApiError(revoke.error)}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="button" className="button button-danger" onClick={() => revoke.mutate({ id: token.id })} disabled={revoke.isPending}>
          {revoke.isPending ? "Revoking…" : "Revoke token"}
        </button>
        <button type="button" className="button button-quiet" onClick={() => onClose(false)} autoFocus>
          Keep it
        </button>
      </div>
    </dialog>
  );
}
