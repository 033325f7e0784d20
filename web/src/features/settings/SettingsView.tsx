import type { ReactNode } from "react";
import { Panel } from "../../components/Panel.tsx";
import { LoadingState } from "../../components/StateMessage.tsx";
import { roleCovers } from "../auth/roles.ts";
import { useRole } from "../auth/useSession.ts";
import { QueryView } from "../../components/QueryView.tsx";
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
import "./costModelEditor.css";
import "./settingsLogs.css";

/** The page's sections, with who may see each (the server refuses the rest anyway). */
const SECTIONS = [
  { id: "organisation", title: "Organisation", shownTo: "viewer" },
  { id: "teams", title: "Teams", shownTo: "viewer" },
  { id: "services", title: "Services", shownTo: "viewer" },
  { id: "cost-model", title: "Cost model", shownTo: "viewer" },
  { id: "subscriptions", title: "Subscriptions", shownTo: "editor" },
  { id: "tokens", title: "API tokens", shownTo: "admin" },
  { id: "users", title: "Users", shownTo: "admin" },
  { id: "audit-log", title: "Audit log", shownTo: "admin" },
] as const;

type SectionId = (typeof SECTIONS)[number]["id"];

/** A section of the page, titled and shown as SECTIONS says, so the page and its menu agree. */
function Section({ id, ...panel }: { id: SectionId; headingId?: string; intro: ReactNode; children: ReactNode }) {
  const role = useRole();
  const { title, shownTo } = SECTIONS.find((section) => section.id === id)!;
  // Everyone signed in is at least a viewer: those sections do not wait for the session.
  if (shownTo !== "viewer" && !roleCovers(role, shownTo)) return null;
  return <Panel id={id} title={title} {...panel} />;
}

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
  const timeZone = settings.data?.timeZone;

  return (
    <div className="settings">
      <nav className="settings-nav" aria-label="Settings sections">
        <ul>
          {SECTIONS.filter(({ shownTo }) => roleCovers(role, shownTo)).map(({ id, title }) => (
            <li key={id}>
              <a href={`#${id}`}>{title}</a>
            </li>
          ))}
        </ul>
      </nav>

      {readOnly && role ? (
        <p className="read-only-note" data-testid="read-only-note">
          Your role ({role}) can read these settings; an editor or admin can change them.
        </p>
      ) : null}

      <Section id="organisation" headingId="org-heading" intro={<>These apply to every metric. Changing them recomputes every view.</>}>
        <QueryView query={settings} loadingLabel="Loading settings…" lines={3} errorTitle="The settings could not be loaded.">
          {(data) => <OrgSettingsForm settings={data} readOnly={readOnly} />}
        </QueryView>
      </Section>

      <Section
        id="teams"
        intro={<>A team&rsquo;s size gives its capacity share of hours lost; its debt target, when set, replaces the organisation&rsquo;s.</>}
      >
        <QueryView query={catalog} loadingLabel="Loading teams…" lines={3} errorTitle="The teams could not be loaded.">
          {(data) =>
            // The organisation's debt target stands beside the teams' own: wait for it too.
            settings.isPending ? (
              <LoadingState label="Loading teams…" lines={3} />
            ) : (
              <TeamsSection teams={data.teams} orgDebtTarget={settings.data?.debtTarget ?? 0.2} readOnly={readOnly} />
            )
          }
        </QueryView>
      </Section>

      <Section id="services" intro={<>A team&rsquo;s metrics cover the services it has now, with their whole history.</>}>
        <QueryView query={catalog} loadingLabel="Loading services…" lines={3} errorTitle="The services could not be loaded.">
          {(data) => <ServicesSection services={data.services} teams={data.teams} readOnly={readOnly} />}
        </QueryView>
      </Section>

      <Section
        id="cost-model"
        intro={<>The inputs that turn hours lost into money, for the organisation and per team, versioned so that every figure names the model it used.</>}
      >
        <CostModelSection readOnly={readOnly} />
      </Section>

      <Section
        id="subscriptions"
        intro={
          <>
            The weekly health report by e-mail or Slack, every week on the day and time you choose in the organisation&rsquo;s time zone. &ldquo;Send now&rdquo;
            sends the last full week&rsquo;s report at once. With alerts, a subscription also gets one message each time a goal or a team&rsquo;s figures turn
            worse. The delivery log says what went out and why a send failed.
          </>
        }
      >
        {timeZone && catalog.data ? (
          <SubscriptionsSection timeZone={timeZone} teams={catalog.data.teams} />
        ) : (
          <LoadingState label="Loading subscriptions…" lines={2} />
        )}
      </Section>

      <Section
        id="tokens"
        intro={
          <>
            For CI pipelines, webhooks&rsquo; senders and scripts: <code>Authorization: Bearer &lt;token&gt;</code> on every <code>/api/v1</code> call. Keel
            stores only a hash of each token.
          </>
        }
      >
        {timeZone ? <TokensSection timeZone={timeZone} /> : <LoadingState label="Loading API tokens…" lines={2} />}
      </Section>

      <Section
        id="users"
        intro={
          <>
            Who can sign in, and their role: viewers read everything; editors also change the settings, teams, services, cost model, fix-effort estimates and
            subscriptions; admins also manage users, API tokens and the audit log. Taking a role away or disabling a user signs them out at once.
          </>
        }
      >
        {timeZone ? <UsersSection timeZone={timeZone} /> : <LoadingState label="Loading users…" lines={2} />}
      </Section>

      <Section
        id="audit-log"
        intro={<>Every change made here or through the API, and every sign-in, with who made it. Passwords and tokens are never recorded.</>}
      >
        {timeZone ? <AuditLogSection timeZone={timeZone} /> : <LoadingState label="Loading the audit log…" lines={2} />}
      </Section>
    </div>
  );
}
