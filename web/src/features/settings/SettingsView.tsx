import { describeApiError } from "../../api/describeApiError.ts";
import { ErrorState, LoadingState } from "../../components/StateMessage.tsx";
import { roleCovers } from "../auth/roles.ts";
import { useRole } from "../auth/useSession.ts";
import { useCatalog, useOrgSettings } from "../org/useOrgSettings.ts";
import { AuditLogSection } from "./AuditLogSection.tsx";
import { CostModelSection } from "./CostModelSection.tsx";
import { OrgSettingsForm } from "./OrgSettingsForm.tsx";
import { SubscriptionsSection } from "./SubscriptionsSection.tsx";
import { ServicesSection } from "./ServicesSection.tsx";
import { TeamsSection } from "./TeamsSection.tsx";
import { TokensSection } from "./TokensSection.tsx";
import { UsersSection } from "./UsersSection.tsx";
import "./settings.css";

/** The page's sections, with who may see each (the server refuses the rest anyway). */
const SECTIONS = [
  ["organisation", "Organisation", "viewer"],
  ["teams", "Teams", "viewer"],
  ["services", "Services", "viewer"],
  ["cost-model", "Cost model", "viewer"],
  ["subscriptions", "Subscriptions", "editor"],
  ["tokens", "API tokens", "admin"],
  ["users", "Users", "admin"],
  ["audit-log", "Audit log", "admin"],
] as const;

/**
 * Everyone reads the organisation's settings, teams, services and cost model; editors and admins
 * change them. Subscriptions to the weekly report are for editors and admins (a viewer does not see
 * them: they name people's addresses and carry Slack webhooks). API tokens, users and the audit log
 * are for admins only.
 */
export function SettingsView() {
  const settings = useOrgSettings();
  const catalog = useCatalog();
  const role = useRole();
  const readOnly = !roleCovers(role, "editor");
  const admin = roleCovers(role, "admin");
  const timeZone = settings.data?.timeZone;

  return (
    <div className="settings">
      <nav className="settings-nav" aria-label="Settings sections">
        <ul>
          {SECTIONS.filter(([, , needed]) => roleCovers(role, needed)).map(([id, label]) => (
            <li key={id}>
              <a href={`#${id}`}>{label}</a>
            </li>
          ))}
        </ul>
      </nav>

      {readOnly && role ? (
        <p className="read-only-note" data-testid="read-only-note">
          Your role ({role}) can read these settings; an editor or admin can change them.
        </p>
      ) : null}

      <section id="organisation" className="panel" aria-labelledby="org-heading">
        <h2 id="org-heading">Organisation</h2>
        <p className="section-intro">These apply to every metric. Changing them recomputes every view.</p>
        {settings.isPending ? (
          <LoadingState label="Loading settings…" lines={3} />
        ) : settings.isError ? (
          <ErrorState
            title="The settings could not be loaded."
            detail={describeApiError(settings.error)}
            onRetry={() => void settings.refetch()}
            retrying={settings.isFetching}
          />
        ) : (
          <OrgSettingsForm settings={settings.data} readOnly={readOnly} />
        )}
      </section>

      <section id="teams" className="panel" aria-labelledby="teams-heading">
        <h2 id="teams-heading">Teams</h2>
        <p className="section-intro">
          A team&rsquo;s size gives its capacity share of hours lost; its debt target, when set, replaces the organisation&rsquo;s.
        </p>
        {catalog.isPending || settings.isPending ? (
          <LoadingState label="Loading teams…" lines={3} />
        ) : catalog.isError ? (
          <ErrorState
            title="The teams could not be loaded."
            detail={describeApiError(catalog.error)}
            onRetry={() => void catalog.refetch()}
            retrying={catalog.isFetching}
          />
        ) : (
          <TeamsSection teams={catalog.data.teams} orgDebtTarget={settings.data?.debtTarget ?? 0.2} readOnly={readOnly} />
        )}
      </section>

      <section id="services" className="panel" aria-labelledby="services-heading">
        <h2 id="services-heading">Services</h2>
        <p className="section-intro">A team&rsquo;s metrics cover the services it has now, with their whole history.</p>
        {catalog.isPending ? (
          <LoadingState label="Loading services…" lines={3} />
        ) : catalog.isError ? (
          <ErrorState
            title="The services could not be loaded."
            detail={describeApiError(catalog.error)}
            onRetry={() => void catalog.refetch()}
            retrying={catalog.isFetching}
          />
        ) : (
          <ServicesSection services={catalog.data.services} teams={catalog.data.teams} readOnly={readOnly} />
        )}
      </section>

      <section id="cost-model" className="panel" aria-labelledby="cost-model-heading">
        <h2 id="cost-model-heading">Cost model</h2>
        <p className="section-intro">
          The inputs that turn hours lost into money, for the organisation and per team, versioned so that every figure names the model it used.
        </p>
        <CostModelSection readOnly={readOnly} />
      </section>

      {!readOnly ? (
        <section id="subscriptions" className="panel" aria-labelledby="subscriptions-heading">
          <h2 id="subscriptions-heading">Subscriptions</h2>
          <p className="section-intro">
            The weekly health report by e-mail or Slack, every week on the day and time you choose in the organisation&rsquo;s time zone. &ldquo;Send now&rdquo;
            sends the last full week&rsquo;s report at once. With alerts, a subscription also gets one message each time a goal or a team&rsquo;s figures turn
            worse. The delivery log says what went out and why a send failed.
          </p>
          {timeZone && catalog.data ? (
            <SubscriptionsSection timeZone={timeZone} teams={catalog.data.teams} />
          ) : (
            <LoadingState label="Loading subscriptions…" lines={2} />
          )}
        </section>
      ) : null}

      {admin ? (
        <section id="tokens" className="panel" aria-labelledby="tokens-heading">
          <h2 id="tokens-heading">API tokens</h2>
          <p className="section-intro">
            For CI pipelines, webhooks&rsquo; senders and scripts: <code>Authorization: Bearer &lt;token&gt;</code> on every <code>/api/v1</code> call. Keel
            stores only a hash of each token.
          </p>
          {timeZone ? <TokensSection timeZone={timeZone} /> : <LoadingState label="Loading API tokens…" lines={2} />}
        </section>
      ) : null}

      {admin ? (
        <section id="users" className="panel" aria-labelledby="users-heading">
          <h2 id="users-heading">Users</h2>
          <p className="section-intro">
            Who can sign in, and their role: viewers read everything; editors also change the settings, teams, services, cost model, fix-effort estimates and
            subscriptions; admins also manage users, API tokens and the audit log. Taking a role away or disabling a user signs them out at once.
          </p>
          {timeZone ? <UsersSection timeZone={timeZone} /> : <LoadingState label="Loading users…" lines={2} />}
        </section>
      ) : null}

      {admin ? (
        <section id="audit-log" className="panel" aria-labelledby="audit-log-heading">
          <h2 id="audit-log-heading">Audit log</h2>
          <p className="section-intro">
            Every change made here or through the API, and every sign-in, with who made it. Passwords and tokens are never recorded.
          </p>
          {timeZone ? <AuditLogSection timeZone={timeZone} /> : <LoadingState label="Loading the audit log…" lines={2} />}
        </section>
      ) : null}
    </div>
  );
}
