// GitLab approvals (Merge Request Hook) and merge-request comments (Note Hook) → reviews of the
// merge request (never changes), from GitLab's documented examples (test/fixtures/webhooks/SOURCES.md);
// the cases change one field of them in memory.
import { describe, expect, test } from "vitest";
import { checkingEvents, webhookFixtures } from "../testSupport/webhookMapping.ts";
import { mapGitlab } from "./map.ts";

const load = webhookFixtures("gitlab");
const map = checkingEvents(mapGitlab);

interface User {
  id?: number;
  username: string;
}
interface MergeRequestFixture {
  user: User | null;
  object_attributes: { action: string; author_id: number };
}
interface NoteFixture {
  user: User;
  object_attributes: { noteable_type: string; author_id: number; system: boolean; created_at: string };
  merge_request?: { author_id: number };
}

const RECEIVED = "2026-11-03T14:00:05.000Z";

/** Each case changes `file`'s example in memory and maps it as a `kind` delivery received at RECEIVED. */
function mapsChanged<F>(kind: string, file: string, cases: [name: string, change: (payload: F) => void, expected: object][]) {
  test.each(cases)("%s", (_name, change, expected) => {
    const payload = load<F>(file);
    change(payload);
    expect(map(kind, payload, RECEIVED)).toEqual(expected);
  });
}

describe("Merge Request Hook approvals", () => {
  const reviewed = { events: [], dropped: [], reviews: [{ repository: "gitlabhq/gitlab-test", prNumber: 1, reviewedAt: RECEIVED }] };
  mapsChanged<MergeRequestFixture>("Merge Request Hook", "merge_request.json", [
    ["an approval by someone else is a review when it arrives (the hook carries no approval time)", (p) => (p.object_attributes.action = "approval"), reviewed],
    ["the approval that met the rules (approved) counts the same", (p) => (p.object_attributes.action = "approved"), reviewed],
    [
      "the author approving their own merge request does not count",
      (p) => Object.assign(p, { user: { id: 51, username: "author" }, object_attributes: { ...p.object_attributes, action: "approval" } }),
      { events: [], dropped: ["approval of merge request !1: by the merge request's author"] },
    ],
    [
      "an access-token bot's approval does not count",
      (p) => Object.assign(p, { user: { id: 99, username: "project_14_bot_3f2a" }, object_attributes: { ...p.object_attributes, action: "approved" } }),
      { events: [], dropped: ["approval of merge request !1: by a bot (project_14_bot_3f2a)"] },
    ],
    [
      "an approval by a user the payload does not identify is not counted",
      (p) => Object.assign(p, { user: { username: "root" }, object_attributes: { ...p.object_attributes, action: "approval" } }),
      { events: [], dropped: ["approval of merge request !1: the user is unknown"] },
    ],
    [
      "an unapproval takes nothing back and is not a change either",
      (p) => (p.object_attributes.action = "unapproval"),
      { events: [], dropped: ['merge request !1: action "unapproval" (only merges are changes)'] },
    ],
  ]);
});

describe("Note Hook", () => {
  mapsChanged<NoteFixture>("Note Hook", "note_merge_request.json", [
    [
      "GitLab's example, a comment by another user on merge request !1, is a review at the note's creation",
      () => {},
      { events: [], dropped: [], reviews: [{ repository: "gitlab-org/gitlab-test", prNumber: 1, reviewedAt: "2015-05-17T18:21:36Z" }] },
    ],
    [
      "the author's own comment does not count",
      (p) => (p.object_attributes.author_id = 8),
      { events: [], dropped: ["note 1244 on merge request !1: by the merge request's author"] },
    ],
    [
      "a system note (approved, added commits) does not count",
      (p) => (p.object_attributes.system = true),
      { events: [], dropped: ["note 1244: a system note on merge request !1"] },
    ],
    [
      "a bot's comment does not count",
      (p) => Object.assign(p, { user: { id: 1, username: "group_7_bot_a1b2" } }),
      { events: [], dropped: ["note 1244 on merge request !1: by a bot (group_7_bot_a1b2)"] },
    ],
    [
      "a comment on an issue is no review",
      (p) => {
        p.object_attributes.noteable_type = "Issue";
        delete p.merge_request;
      },
      { events: [], dropped: ["note 1244: on noteable_type Issue, not a merge request"] },
    ],
    [
      "an unreadable created_at is dropped, not guessed",
      (p) => (p.object_attributes.created_at = "yesterday"),
      { events: [], dropped: ['note 1244: unreadable created_at "yesterday"'] },
    ],
  ]);
});
