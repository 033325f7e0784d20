import { Link } from "react-router";
import type { QualityNote } from "./doraQuality.ts";

/** Says when the numbers rest on thin or odd data; nothing when they do not. */
export function DataQualityNote({ notes, openIncidentsHref }: { notes: QualityNote[]; openIncidentsHref: string }) {
  if (notes.length === 0) return null;
  return (
    <aside className="data-note" aria-labelledby="data-note-heading">
      <h2 id="data-note-heading" className="data-note-title">
        About these numbers
      </h2>
      <ul>
        {notes.map((note) => (
          <li key={note.key} data-note={note.key}>
            {note.text}
            {note.examples.length > 0 ? (
              <>
                {" "}
                <span className="muted">
                  For example{" "}
                  {note.examples.map((example, i) => (
                    <span key={example}>
                      {i > 0 ? ", " : ""}
                      <code>{example}</code>
                    </span>
                  ))}
                  .
                </span>
              </>
            ) : null}
            {note.link === "openIncidents" ? (
              <>
                {" "}
                <Link to={openIncidentsHref}>See the open incidents</Link>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </aside>
  );
}
