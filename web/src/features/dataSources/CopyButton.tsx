import { useState } from "react";

/** Copies `text`; where the browser refuses the clipboard, says so (the text stays selectable). */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setCopied("yes");
    } catch {
      setCopied("failed");
    }
  }
  return (
    <span className="copy-button">
      <button type="button" className="button button-small" onClick={() => void copy()} aria-label={label}>
        Copy
      </button>
      <span aria-live="polite" className="field-help">
        {copied === "yes" ? "Copied." : copied === "failed" ? "The browser refused the clipboard: select the text and press Ctrl+C (⌘C)." : null}
      </span>
    </span>
  );
}
