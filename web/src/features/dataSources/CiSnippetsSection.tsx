import { ciSnippets } from "./ciSnippets.ts";
import { CopyButton } from "./CopyButton.tsx";

/** Copy-ready CI configuration for keel deploy and keel junit, with this Keel's address filled in. */
export function CiSnippetsSection() {
  return (
    <>
      {ciSnippets(window.location.origin).map((snippet) => (
        <figure key={snippet.id} className="ci-snippet" data-snippet={snippet.id}>
          <figcaption>
            <strong>{snippet.title}</strong> <code>{snippet.file}</code> <CopyButton text={snippet.text} label={`Copy the ${snippet.title} snippet`} />
          </figcaption>
          <pre tabIndex={0}>
            <code>{snippet.text}</code>
          </pre>
        </figure>
      ))}
    </>
  );
}
