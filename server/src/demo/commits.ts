// Commit messages, labels and categories. Each classified commit carries its category through
// exactly one source (explicit field, a label, or a Conventional Commits prefix) so every path
// of the classifier is exercised; "other" commits carry nothing classifiable.
import type { ChangeCategoryValue } from "@keel/shared";
import type { ServiceSpec } from "./catalog.ts";
import type { CommitDraft } from "./drafts.ts";
import type { Random } from "./random.ts";

type Described = Pick<CommitDraft, "message" | "category" | "labels">;

interface Template {
  /** Conventional Commits type used when the prefix is the source. */
  type: string;
  /** Label used when labels are the source. */
  label: string;
  text: string;
}

const FEATURE: readonly Template[] = [
  { type: "feat", label: "feature", text: "add {topic} to the public API" },
  { type: "feat", label: "feature", text: "support partial {topic}" },
  { type: "feat", label: "enhancement", text: "show {topic} in the account page" },
  { type: "feat", label: "enhancement", text: "expose {topic} metrics" },
  { type: "feat", label: "feature", text: "let merchants configure {topic}" },
  { type: "feat", label: "feature", text: "new {topic} flow behind a flag" },
  { type: "feat", label: "enhancement", text: "add filters for {topic}" },
];

const BUG: readonly Template[] = [
  { type: "fix", label: "bug", text: "handle empty {topic} response" },
  { type: "fix", label: "bug", text: "wrong rounding in {topic}" },
  { type: "fix", label: "bug", text: "null pointer when {topic} is missing" },
  { type: "fix", label: "bug", text: "race in {topic} cache refresh" },
  { type: "fix", label: "bug", text: "wrong timezone in {topic} dates" },
  { type: "fix", label: "bug", text: "retry {topic} calls only on 503" },
];

const DEBT: readonly Template[] = [
  { type: "refactor", label: "refactor", text: "extract {topic} client" },
  { type: "refactor", label: "tech-debt", text: "split the {topic} module" },
  { type: "refactor", label: "tech-debt", text: "remove dead {topic} code paths" },
  { type: "chore", label: "deps", text: "bump jackson to 2.18.2" },
  { type: "chore", label: "deps", text: "upgrade the postgres driver" },
  { type: "perf", label: "tech-debt", text: "cache {topic} lookups" },
  { type: "test", label: "test", text: "cover {topic} edge cases" },
  { type: "ci", label: "ci", text: "run {topic} tests in parallel" },
  { type: "build", label: "chore", text: "drop Node 18 from the build matrix" },
  { type: "style", label: "chore", text: "format the {topic} module" },
  { type: "chore", label: "chore", text: "remove the {topic} feature flag" },
];

const UNPLANNED: readonly Template[] = [
  { type: "revert", label: "incident", text: "revert {topic} change" },
  { type: "revert", label: "hotfix", text: "roll back the {topic} migration" },
];

// Nothing here maps to a category: "docs" is not one of the Conventional Commits types that
// the product maps, and "size/*" labels are ignored.
const UNCLASSIFIABLE: readonly string[] = [
  "Update README",
  "Tweak copy on the {topic} page",
  "Merge branch 'main' into release",
  "WIP {topic}",
  "Address review comments",
  "Rename variables in {topic}",
  "docs: describe the {topic} runbook",
  "docs: add {topic} examples",
];

const TEMPLATES: Readonly<Record<Exclude<ChangeCategoryValue, "other">, readonly Template[]>> = {
  feature: FEATURE,
  bug: BUG,
  debt: DEBT,
  unplanned: UNPLANNED,
};

function fill(text: string, service: ServiceSpec, rng: Random): string {
  return text.replace("{topic}", rng.pick(service.topics));
}

function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function sizeLabel(rng: Random): string {
  return rng.pick(["size/S", "size/M", "size/L"]);
}

/** Message, labels and category of a commit meant to be in `category`. */
export function describeCommit(rng: Random, service: ServiceSpec, category: ChangeCategoryValue): Described {
  if (category === "other") {
    const message = sentence(fill(rng.pick(UNCLASSIFIABLE), service, rng));
    return rng.chance(0.15) ? { message, labels: [sizeLabel(rng)] } : { message };
  }
  const template = rng.pick(TEMPLATES[category]);
  const text = fill(template.text, service, rng);
  const source = rng.weighted({ explicit: 0.3, labels: 0.3, prefix: 0.4 });
  if (source === "explicit") return { message: sentence(text), category };
  if (source === "labels") {
    const labels = rng.chance(0.25) ? [template.label, sizeLabel(rng)] : [template.label];
    return { message: sentence(text), labels };
  }
  const scope = rng.chance(0.5) ? `(${rng.pick(service.scopes)})` : "";
  return { message: `${template.type}${scope}: ${text}` };
}

export function describeNewCommit(rng: Random, service: ServiceSpec): Described {
  return describeCommit(rng, service, rng.weighted(service.team.categoryMix));
}

/** The one commit of a hotfix: unplanned (label or explicit) or a bug fix by prefix. */
export function describeHotfix(rng: Random, service: ServiceSpec): Described {
  const text = fill(rng.pick(BUG).text, service, rng);
  const form = rng.weighted({ label: 0.4, explicit: 0.3, prefix: 0.3 });
  if (form === "label") return { message: `Hotfix: ${text}`, labels: ["hotfix"] };
  if (form === "explicit") return { message: sentence(text), category: "unplanned" };
  return { message: `fix(${rng.pick(service.scopes)}): ${text}` };
}
