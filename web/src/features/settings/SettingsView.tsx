import { describeApiError } from "../../api/describeApiError.ts";
import { ErrorState, LoadingState } from "../../components/StateMessage.tsx";
import { useCatalog, useOrgSettings } from "../org/useOrgSettings.ts";
import { CostModelSection } from "./CostModelSection.tsx";
import { OrgSettingsForm } from "./OrgSettingsForm.tsx";
import { ServicesSection } from "./ServicesSection.tsx";
import { TeamsSection } from "./TeamsSection.tsx";
import { TokensSection } from "./TokensSection.tsx";
import "./settings.css";

const SECTIONS = [
  ["organisation", "Organisation"],
  ["teams", "Teams"],
  ["services", "Services"],
  ["tokens", "API tokens"],
  ["cost-model", "Cost model"],
] as const;

export function SettingsView() {
  const settings = useOrgSettings();
  const catalog = useCatalog();

  return (
    <div className="settings">
      <nav className="settings-nav" aria-label="Settings sections">
        <ul>
          {SECTIONS.map(([id, label]) => (
            <li key={id}>
              <a href={`#${id}`}>{label}</a>
            </li>
          ))}
        </ul>
      </nav>

      <section id="organisation" className="panel" aria-labelledby="org-heading">
        <h2 id="org-heading">Organisation</h2>
        <p className="section-intro">These apply to every metric. Changing them recomputes every view.</p>
        {settings.isPending ? (
          <LoadingState label="Loading settings…" lines={3} />
        ) : settings.isError ? (
          <ErrorState title="The settings could not be loaded." detail={describeApiError(settings.error)} onRetry={() => void settings.refetch()} retrying={settings.isFetching} />
        ) : (
          <OrgSettingsForm settings={settings.data} />
        )}
      </section>

      <section id="teams" className="panel" aria-labelledby="teams-heading">
        <h2 id="teams-heading">Teams</h2>
        <p className="section-intro">A team&rsquo;s size gives its capacity share of hours lost; its debt target, when set, replaces the organisation&rsquo;s.</p>
        {catalog.isPending || settings.isPending ? (
          <LoadingState label="Loading teams…" lines={3} />
        ) : catalog.isError ? (
          <ErrorState title="The teams could not be loaded." detail={describeApiError(catalog.error)} onRetry={() => void catalog.refetch()} retrying={catalog.isFetching} />
        ) : (
          <TeamsSection teams={catalog.data.teams} orgDebtTarget={settings.data?.debtTarget ?? 0.2} />
        )}
      </section>

      <section id="services" className="panel" aria-labelledby="services-heading">
        <h2 id="services-heading">Services</h2>
        <p className="section-intro">A team&rsquo;s metrics cover the services it has now, with their whole history.</p>
        {catalog.isPending ? (
          <LoadingState label="Loading services…" lines={3} />
        ) : catalog.isError ? (
          <ErrorState title="The services could not be loaded." detail={describeApiError(catalog.error)} onRetry={() => void catalog.refetch()} retrying={catalog.isFetching} />
        ) : (
          <ServicesSection services={catalog.data.services} teams={catalog.data.teams} />
        )}
      </section>

      <section id="tokens" className="panel" aria-labelledby="tokens-heading">
        <h2 id="tokens-heading">API tokens</h2>
        <p className="section-intro">
          For CI pipelines, webhooks&rsquo; senders and scripts: <code>Authorization: Bearer &lt;token&gt;</code> on every <code>/api/v1</code> call. Keel stores only a hash of each token.
        </p>
        {settings.data ? <TokensSection timeZone={settings.data.timeZone} /> : <LoadingState label="Loading API tokens…" lines={2} />}
      </section>

      <section id="cost-model" className="panel" aria-labelledby="cost-model-heading">
        <h2 id="cost-model-heading">Cost model</h2>
        <p className="section-intro">
          The inputs that turn hours lost into money, for the organisation and per team, versioned so that every figure names the model it used.
        </p>
        <CostModelSection />
      </section>

      <p className="muted settings-warning">
        Anyone who can open Keel&rsquo;s web app can change these settings and create tokens: the web app has no sign-in yet, so serve it only on a network you trust.
      </p>
    </div>
  );
}
