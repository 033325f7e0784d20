// How a list's caption and its loading and failure sentences are said, from the noun a sentence
// names it by ("users", "API tokens", "the delivery log").

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function listWords(noun: string): { caption: string; loading: string; failed: string } {
  const bare = noun.replace(/^the /, "");
  return { caption: capitalised(bare), loading: `Loading ${noun}…`, failed: `The ${bare} could not be loaded.` };
}
