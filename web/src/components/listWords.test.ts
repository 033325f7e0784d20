import { expect, test } from "vitest";
import { listWords } from "./listWords.ts";

test.each([
  ["users", "Users", "Loading users…", "The users could not be loaded."],
  ["API tokens", "API tokens", "Loading API tokens…", "The API tokens could not be loaded."],
  ["the delivery log", "Delivery log", "Loading the delivery log…", "The delivery log could not be loaded."],
])("a list of %s reads %s, %s, %s", (noun, caption, loading, failed) => {
  expect(listWords(noun)).toEqual({ caption, loading, failed });
});
