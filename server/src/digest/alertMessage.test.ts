import { expect, test } from "vitest";
import type { AlertCondition } from "../metrics/alertConditions.ts";
import { alertMessage, renderAlertEmail, renderAlertSlack } from "./alertMessage.ts";

const condition: AlertCondition = {
  key: "hoursLost:platform",
  kind: "hoursLost",
  state: "above",
  headline: "Platform team's engineering hours lost are above 40.0 h a week",
  sentence: "The Platform team lost 52.5 h of engineering time in 2026-W48, above the alert threshold of 40.0 h a week.",
  path: "/weekly-report?week=2026-W48&team=platform",
};

test.each([
  { publicUrl: "https://keel.example/", link: "https://keel.example/weekly-report?week=2026-W48&team=platform" },
  { publicUrl: undefined, link: null },
])("the message, e-mail and Slack with KEEL_PUBLIC_URL $publicUrl", ({ publicUrl, link }) => {
  const message = alertMessage(condition, publicUrl);
  const subject = "Keel alert: Platform team's engineering hours lost are above 40.0 h a week";
  expect(message).toBe([subject, condition.sentence, ...(link ? [link] : [])].join("\n"));

  const email = renderAlertEmail(message);
  expect(email.subject).toBe(subject);
  expect(email.text.split("\n")[0]).toBe(condition.sentence);
  expect(email.text).toContain(link ? `Open Keel: ${link}` : "set KEEL_PUBLIC_URL for a link");
  expect(email.html).toContain(condition.sentence.replace("'", "&#39;"));
  expect(email.html.includes("<a href=")).toBe(link !== null);
  expect(email.html).not.toMatch(/<script|<img|<style/);

  const slack = renderAlertSlack(message);
  expect(slack.text).toBe(message);
  expect(slack.blocks[0]).toEqual({ type: "header", text: { type: "plain_text", text: subject } });
  expect(slack.blocks.some((b) => b.type === "actions")).toBe(link !== null);
});
