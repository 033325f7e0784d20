import { PageHeader } from "../../components/PageHeader.tsx";
import { Panel } from "../../components/Panel.tsx";
import { LoadingState } from "../../components/StateMessage.tsx";
import { roleCovers } from "../auth/roles.ts";
import { useRole } from "../auth/useSession.ts";
import { useOrgSettings } from "../org/useOrgSettings.ts";
import { ConnectionsSection } from "./ConnectionsSection.tsx";
import { CiSnippetsSection } from "./CiSnippetsSection.tsx";
import { DemoSection } from "./DemoSection.tsx";
import { WebhooksSection } from "./WebhooksSection.tsx";
// The forms and tables share the Settings page's styles (settings-form, settings-table).
import "../settings/settings.css";
import "./dataSources.css";

/**
 * Where an organisation's data comes from (docs/api.md "Data sources"). Admins see and manage
 * everything; everyone else sees the CI snippets (they hold no secret) and a note that the rest is
 * for admins.
 */
export default function DataSourcesPage() {
  const role = useRole();
  const admin = roleCovers(role, "admin");
  const timeZone = useOrgSettings().data?.timeZone;
  return (
    <>
      <PageHeader title="Data sources" description="How deployments, changes, incidents, builds and test reports reach Keel: connections, webhooks and CI." />
      <div className="data-sources">
        {!admin && role ? (
          <p className="read-only-note" data-testid="read-only-note">
            Connections, webhooks and the demo data are managed by admins. The CI snippets below are for everyone.
          </p>
        ) : null}

        {admin && timeZone ? <DemoSection timeZone={timeZone} /> : null}

        {admin ? (
          <Panel
            id="connections"
            title="Connections"
            intro={
              <>
                GitHub repositories, GitLab projects and PagerDuty services Keel pulls history from, synced every 15 minutes (KEEL_SYNC_INTERVAL_MINUTES) and
                when you ask.
              </>
            }
          >
            {timeZone ? <ConnectionsSection timeZone={timeZone} /> : <LoadingState label="Loading connections…" lines={2} />}
          </Panel>
        ) : null}

        {admin ? (
          <Panel
            id="webhooks"
            title="Webhooks"
            intro={
              <>
                Paste each URL into the vendor&rsquo;s webhook settings with the same secret Keel has. Deliveries are stored before they are answered and
                processed right after.
              </>
            }
          >
            {timeZone ? <WebhooksSection timeZone={timeZone} /> : <LoadingState label="Loading webhooks…" lines={3} />}
          </Panel>
        ) : null}

        <Panel
          id="ci"
          title="CI snippets"
          intro={
            <>
              Report builds with their JUnit reports, and deployments with the commits they shipped, from your pipelines. Replace <code>my-service</code> with
              the service&rsquo;s name and give the job an ingest token.
            </>
          }
        >
          <CiSnippetsSection />
        </Panel>
      </div>
    </>
  );
}
