// GitLab REST v4 answers shaped as GitLab's documented examples (docs.gitlab.com/api: projects,
// deployments, commits, merge requests, pipelines, issues), from the project a test describes. Pure:
// gitlabRecorded.ts serves them.

export interface RecordedGitlabCommit {
  sha: string;
  message: string;
  date: string;
  mergeRequest?: { iid: number; created_at: string; merged_at: string; labels: string[] };
}

export interface RecordedGitlabDeployment {
  id: number;
  sha: string;
  environment?: string;
  /** created, running, success, failed, canceled, blocked */
  status: string;
  created_at: string;
  /** The deployment job's finish; also the deployment's updated_at. */
  finished_at: string;
}

export interface RecordedGitlabIssue {
  iid: number;
  title: string;
  type: "INCIDENT" | "ISSUE";
  severity: string;
  labels: string[];
  created_at: string;
  updated_at: string;
  closed_at: string | null;
}

export interface RecordedPipeline {
  id: number;
  sha: string;
  status: string;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  updated_at: string;
  /** The JUnit results its jobs uploaded: the test report GitLab answers. */
  tests?: { name: string; classname: string; status: "success" | "failed" | "skipped" | "error"; execution_time: number }[];
}

export interface RecordedProject {
  id: number;
  path_with_namespace: string;
  /** Oldest first: compare returns the commits after `from` up to `to` in this order. */
  commits: RecordedGitlabCommit[];
  deployments: RecordedGitlabDeployment[];
  issues: RecordedGitlabIssue[];
  pipelines: RecordedPipeline[];
}

const webUrl = (p: RecordedProject) => `https://gitlab.example.com/${p.path_with_namespace}`;

export const projectJson = (p: RecordedProject) => ({
  id: p.id,
  name: "checkout",
  path: "checkout",
  path_with_namespace: p.path_with_namespace,
  web_url: webUrl(p),
  default_branch: "main",
  ci_config_path: null,
});

export const commitJson = (p: RecordedProject, c: RecordedGitlabCommit) => ({
  id: c.sha,
  short_id: c.sha.slice(0, 8),
  title: c.message.split("\n")[0],
  author_name: "Example User",
  author_email: "user@example.com",
  authored_date: c.date,
  committer_name: "Example User",
  committer_email: "user@example.com",
  committed_date: c.date,
  created_at: c.date,
  message: c.message,
  parent_ids: [],
  web_url: `${webUrl(p)}/-/commit/${c.sha}`,
});

export const deploymentJson = (p: RecordedProject, d: RecordedGitlabDeployment) => ({
  id: d.id,
  iid: d.id - 100,
  ref: "main",
  sha: d.sha,
  created_at: d.created_at,
  updated_at: d.finished_at,
  status: d.status,
  user: { id: 1, name: "Administrator", username: "root", state: "active" },
  environment: { id: 9, name: d.environment ?? "production", external_url: "https://about.gitlab.com" },
  deployable: {
    id: d.id * 10,
    name: "deploy",
    stage: "deploy",
    ref: "main",
    status: d.status,
    tag: false,
    created_at: d.created_at,
    started_at: d.created_at,
    finished_at: d.finished_at,
    web_url: `${webUrl(p)}/-/jobs/${d.id * 10}`,
    commit: commitJson(p, p.commits.find((c) => c.sha === d.sha) ?? { sha: d.sha, message: "", date: d.created_at }),
  },
});

export const mergeRequestJson = (p: RecordedProject, c: RecordedGitlabCommit, mr: NonNullable<RecordedGitlabCommit["mergeRequest"]>) => ({
  id: 1000 + mr.iid,
  iid: mr.iid,
  project_id: p.id,
  title: c.message,
  state: "merged",
  created_at: mr.created_at,
  updated_at: mr.merged_at,
  merged_at: mr.merged_at,
  target_branch: "main",
  source_branch: `mr-${mr.iid}`,
  labels: mr.labels,
  sha: c.sha,
  merge_commit_sha: null,
  squash_commit_sha: null,
  web_url: `${webUrl(p)}/-/merge_requests/${mr.iid}`,
});

/** A pipeline as the list shows it, or (`full`) as `pipelines/:id` does, with its times. */
export const pipelineJson = (p: RecordedProject, pipeline: RecordedPipeline, full: boolean) => ({
  id: pipeline.id,
  iid: pipeline.id - 9000,
  project_id: p.id,
  name: null,
  sha: pipeline.sha,
  ref: "main",
  status: pipeline.status,
  source: "push",
  created_at: pipeline.created_at,
  updated_at: pipeline.updated_at,
  web_url: `${webUrl(p)}/-/pipelines/${pipeline.id}`,
  ...(full ? { tag: false, started_at: pipeline.started_at, finished_at: pipeline.finished_at, duration: 540, queued_duration: 60, coverage: null } : {}),
});

export const issueJson = (p: RecordedProject, i: RecordedGitlabIssue) => ({
  id: 500 + i.iid,
  iid: i.iid,
  project_id: p.id,
  title: i.title,
  description: "",
  state: i.closed_at ? "closed" : "opened",
  created_at: i.created_at,
  updated_at: i.updated_at,
  closed_at: i.closed_at,
  labels: i.labels,
  type: i.type,
  issue_type: i.type.toLowerCase(),
  severity: i.severity,
  author: { id: 1, username: "root" },
  web_url: `${webUrl(p)}/-/issues/${i.iid}`,
});

/** A pipeline's test report, as GitLab answers one (zeros and no suites when no job uploaded JUnit). */
export const testReportJson = (pipeline: RecordedPipeline) => {
  const cases = pipeline.tests ?? [];
  const count = (status: string) => cases.filter((c) => c.status === status).length;
  const totals = (of: typeof cases) => ({
    total_time: of.reduce((sum, c) => sum + c.execution_time, 0),
    total_count: of.length,
    success_count: count("success"),
    failed_count: count("failed"),
    skipped_count: count("skipped"),
    error_count: count("error"),
  });
  const suites = cases.length
    ? [
        {
          name: "rspec",
          ...totals(cases),
          suite_error: null,
          test_cases: cases.map((c) => ({ ...c, file: null, system_output: null, stack_trace: null, recent_failures: null })),
        },
      ]
    : [];
  return { ...totals(cases), test_suites: suites };
};
