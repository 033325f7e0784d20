// Copy-ready CI configuration that reports builds, test reports and deployments with the keel CLI
// (server/src/cli/deploy.ts and junit.ts name the flags). Pure: the page fills in Keel's address.

export interface CiSnippet {
  id: "github-actions" | "gitlab-ci";
  title: string;
  file: string;
  text: string;
}

/** The build id both the build event and `keel junit --build` use: one per CI run attempt. */
export function ciSnippets(keelUrl: string): CiSnippet[] {
  const url = keelUrl.replace(/\/+$/, "");
  const buildEvent = (id: string, pipeline: string, sha: string, attempt: string, status: string) =>
    `curl -fsS "$KEEL_URL/api/v1/builds" -H "Authorization: Bearer $KEEL_TOKEN" -H 'Content-Type: application/json' \\
            -d "{\\"id\\":\\"${id}\\",\\"pipeline\\":\\"${pipeline}\\",\\"service\\":\\"$KEEL_SERVICE\\",\\"commitSha\\":\\"${sha}\\",\\"attempt\\":${attempt},\\"status\\":\\"${status}\\",\\"startedAt\\":\\"$KEEL_STARTED\\",\\"finishedAt\\":\\"$(date -u +%FT%TZ)\\"}"`;
  return [
    {
      id: "github-actions",
      title: "GitHub Actions",
      file: ".github/workflows/keel.yml",
      text: `# The keel CLI must be on the runner's PATH (Keel's server package; README "Send events").
# KEEL_TOKEN: an ingest token (Settings → API tokens), stored as a repository secret.
env:
  KEEL_URL: ${url}
  KEEL_TOKEN: \${{ secrets.KEEL_TOKEN }}
  KEEL_SERVICE: my-service

jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - run: echo "KEEL_STARTED=$(date -u +%FT%TZ)" >> "$GITHUB_ENV"
      - uses: actions/checkout@v4
      # ... your build and tests, writing JUnit XML to reports/
      - name: Report the build and its tests to Keel
        if: \${{ !cancelled() }}
        run: |
          ${buildEvent("gh-${{ github.run_id }}-${{ github.run_attempt }}", "${{ github.workflow }}", "${{ github.sha }}", "${{ github.run_attempt }}", "${{ job.status == 'success' && 'success' || 'failure' }}")}
          keel junit --build "gh-\${{ github.run_id }}-\${{ github.run_attempt }}" reports/*.xml

  deploy:
    needs: test
    runs-on: ubuntu-latest
    environment: production
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0 # keel deploy lists the commits since the last deployment from git history
      # ... your deployment
      - name: Report the deployment to Keel
        if: \${{ !cancelled() }}
        run: >-
          keel deploy --service "$KEEL_SERVICE" --sha "\${{ github.sha }}" --environment production
          --id "gh-\${{ github.run_id }}-\${{ github.run_attempt }}"
          --status \${{ job.status == 'success' && 'success' || 'failure' }}
`,
    },
    {
      id: "gitlab-ci",
      title: "GitLab CI",
      file: ".gitlab-ci.yml",
      text: `# The keel CLI must be in the job's image (Keel's server package; README "Send events").
# KEEL_TOKEN: an ingest token (Settings → API tokens), as a masked CI/CD variable.
variables:
  KEEL_URL: ${url}
  KEEL_SERVICE: my-service
  GIT_DEPTH: 0 # keel deploy lists the commits since the last deployment from git history

test:
  stage: test
  before_script:
    - export KEEL_STARTED=$(date -u +%FT%TZ)
  script:
    - echo "your build and tests, writing JUnit XML to reports/"
  after_script:
    - |
      STATUS=$([ "$CI_JOB_STATUS" = success ] && echo success || echo failure)
      ${buildEvent("gl-$CI_JOB_ID", "$CI_PROJECT_PATH", "$CI_COMMIT_SHA", "1", "$STATUS").replace(/^ {12}/gm, "      ")}
      keel junit --build "gl-$CI_JOB_ID" reports/*.xml

deploy:
  stage: deploy
  environment: production
  script:
    - echo "your deployment"
  after_script:
    - >-
      keel deploy --service "$KEEL_SERVICE" --sha "$CI_COMMIT_SHA" --environment production
      --id "gl-$CI_JOB_ID" --status $([ "$CI_JOB_STATUS" = success ] && echo success || echo failure)
`,
    },
  ];
}
