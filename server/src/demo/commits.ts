// Commit messages, labels and categories. Each classified commit carries its category through
// exactly one source (explicit field, a label, or a Conventional Commits prefix) so every path
// of the classifier is exercised; "other" commits carry nothing classifiable.
import type { ChangeCategoryValue } from "@keel/shared";
import { z } from "zod";
import type { ServiceSpec } from "./catalog.ts";
import type { CommitDraft } from "./drafts.ts";
import type { Random } from "./random.ts";
import templates from "./commitTemplates.json" with { type: "json" };

type Described = Pick<CommitDraft, "message" | "category" | "labels">;

const Template = z.strictObject({
  /** Conventional Commits type used when the prefix is the source. */
  type: z.string(),
  /** Label used when labels are the source. */
  label: z.string(),
  text: z.string(),
});

// The messages are data (commitTemplates.json), "{topic}" standing for one of the service's topics.
// Nothing under "other" maps to a category: "docs" is not one of the Conventional Commits types that
// the product maps, and "size/*" labels are ignored.
const TEMPLATES = z
  .strictObject({
    feature: z.array(Template),
    bug: z.array(Template),
    debt: z.array(Template),
    unplanned: z.array(Template),
    other: z.array(z.string()),
  })
  .parse(templates);

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
    const message = sentence(fill(rng.pick(TEMPLATES.other), service, rng));
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
  const text = fill(rng.pick(TEMPLATES.bug).text, service, rng);
  const form = rng.weighted({ label: 0.4, explicit: 0.3, prefix: 0.3 });
  if (form === "label") return { message: `Hotfix: ${text}`, labels: ["hotfix"] };
  if (form === "explicit") return { message: sentence(text), category: "unplanned" };
  return { message: `fix(${rng.pick(service.scopes)}): ${text}` };
}
