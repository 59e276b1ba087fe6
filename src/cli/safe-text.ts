// Text from a workbook (cell text, sheet and file names) can hold terminal escapes (`_x001B_[2J` decodes to ESC),
// other C0/C1 controls and bidi overrides that reorder what follows. Before it reaches a terminal or a page each
// such character is shown as a visible escape (`\x1B`, `\u202E`), so a hostile file can neither clear the screen
// nor hide the findings after it, and the reviewer still sees that something was there.

// C0 except tab and newline, DEL, C1, the Arabic letter mark, LRM/RLM, bidi embeddings/overrides and isolates.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const UNSAFE_WITH_NL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const hex = (n: number, w: number) => n.toString(16).toUpperCase().padStart(w, '0');
const show = (c: string) => {
  const n = c.charCodeAt(0);
  return n < 0x100 ? `\\x${hex(n, 2)}` : `\\u${hex(n, 4)}`;
};

/** Controls and bidi overrides made visible; newlines too unless `keepNewlines`. Tabs stay. */
export function neutralise(s: string, keepNewlines = false): string {
  return s.replace(keepNewlines ? UNSAFE : UNSAFE_WITH_NL, show);
}
