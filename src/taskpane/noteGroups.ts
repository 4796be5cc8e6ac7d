/**
 * The host's notices (WorkbookHost.notices) grouped for display: a notice ending in ":" introduces the "– " lines
 * that follow it, shown as one message with a list rather than one message per line.
 */
export interface NoteGroup {
  text: string;
  items: string[];
}

const DASH = /^[–-]\s+/;

export function noteGroups(notes: readonly string[]): NoteGroup[] {
  const out: NoteGroup[] = [];
  for (const n of notes) {
    const last = out[out.length - 1];
    if (DASH.test(n) && last && last.text.endsWith(':')) last.items.push(n.replace(DASH, ''));
    else out.push({ text: n.replace(DASH, ''), items: [] });
  }
  return out;
}
