/**
 * Row numbering: the TT (and name) of each body row, read by the shared numbering module and narrowed to the
 * roles a row can play (Roman → level-1 group, letter → level-2 group, number → item, 1.1 → sub-item...).
 */
import type { Grid, GridCell } from '../base/grid';
import { classifyTT as classifyNumbering, VI_LETTERS } from '../text/numbering';
import { cellText, rowOf, type Row } from './cells';

export type TTKind =
  | { kind: 'roman'; value: number; text: string }
  | { kind: 'letter'; letter: string; text: string }
  | { kind: 'number'; value: number; dotted: boolean; text: string }
  | { kind: 'sub'; text: string }
  | { kind: 'bullet'; text: string }
  | { kind: 'other'; text: string }
  | { kind: 'none' };

export interface RowTT {
  tt: string;
  name: string;
}

function ttText(c: GridCell | null | undefined): string {
  if (!c || c.error) return '';
  if (typeof c.value === 'number') {
    if (!Number.isFinite(c.value)) return '';
    return String(c.value);
  }
  return typeof c.value === 'string' ? c.value.normalize('NFC').replace(/\s+/g, ' ').trim() : '';
}

/** The row's numbering, read by the shared numbering module and narrowed to the roles a row can play. */
function classifyTT(t: string): TTKind {
  if (t === '') return { kind: 'none' };
  const info = classifyNumbering(t);
  switch (info.kind) {
    case 'none':
      return info.bullet ? { kind: 'bullet', text: t } : { kind: 'none' };
    case 'number':
      return info.core.length <= 5 ? { kind: 'number', value: info.ordinal ?? 0, dotted: info.suffix === '.', text: t } : { kind: 'other', text: t };
    case 'dotted':
      return { kind: 'sub', text: t };
    case 'roman':
      if (!info.lower) return { kind: 'roman', value: info.ordinal ?? 0, text: t };
      return info.core.length === 1 ? { kind: 'bullet', text: t } : { kind: 'other', text: t };
    case 'letter':
      if (info.lower) return { kind: 'bullet', text: t };
      return info.wrongLetter ? { kind: 'other', text: t } : { kind: 'letter', letter: info.core.toUpperCase(), text: t };
    default:
      return { kind: 'other', text: t };
  }
}

const NUMBERED_TEXT =
  /^(?:([IVXLCDM]{1,7}|[A-ZĐ])(?:[.)]\s*[-–:]?|\s*[-–:])|(\d{1,3}(?:\.\d{1,3})*)([.)]?)\s*[-–:]?)\s+(\p{L}.*)$/su;

/**
 * "I. Xây dựng hạ tầng", "II - Phát triển", "A) Nhóm" typed in one cell (the TT cell, or the name cell
 * with an empty TT): the numbering and the name. In the name cell a number needs "." or ")" ("1. Dự án").
 */
function splitNumbered(text: string, inNameCell: boolean): RowTT | undefined {
  if (text.length < 4 || text.length > 2000) return undefined;
  const m = NUMBERED_TEXT.exec(text);
  if (!m) return undefined;
  const tt = m[1] !== undefined ? m[1] : m[2] + m[3];
  if (inNameCell && m[1] === undefined && m[3] === '') return undefined;
  const k = classifyTT(tt);
  if (k.kind === 'other' || k.kind === 'none' || k.kind === 'bullet') return undefined;
  return { tt, name: m[4].trim() };
}

/** TT and name of a row, splitting "I. Xây dựng..." typed in one cell. */
function rowTT(row: Row, ttCol: number, nameCol: number): RowTT {
  const tt = ttText(row[ttCol]);
  const name = cellText(row[nameCol]).normalize('NFC').trim();
  if (tt !== '' && name === '' && ttCol !== nameCol) {
    const sp = splitNumbered(tt, false);
    if (sp) return sp;
  }
  if (tt === '' && name !== '') {
    const sp = splitNumbered(name, true);
    if (sp) return sp;
  }
  return { tt, name };
}

/** TT and name of every body row (rows from..to-1), read once. */
export function rowTTs(grid: Grid, from: number, to: number, ttCol: number, nameCol: number): RowTT[] {
  const out: RowTT[] = [];
  for (let r = from; r < to; r++) out.push(rowTT(rowOf(grid, r), ttCol, nameCol));
  return out;
}

/**
 * The numbering kind of every body row. A single letter that continues a Roman sequence ("I" after nothing,
 * "V" after "IV") is Roman; one that continues a letter sequence ("I" after "H") is a letter.
 */
export function classifyRows(tts: readonly RowTT[]): TTKind[] {
  const out = tts.map((t) => classifyTT(t.tt));
  let lastRoman = 0;
  let lastLetter = -1;
  for (let i = 0; i < out.length; i++) {
    const k = out[i];
    if (k.kind === 'roman') {
      const bare = k.text.replace(/[.)]$/, '');
      const asLetter = bare.length === 1 ? VI_LETTERS.indexOf(bare) : -1;
      // A one-letter numeral (I, V, X, L, C, D, M) is a letter when it continues a letter sequence,
      // or when it is a large numeral (L, C, D, M) that does not continue the Roman sequence.
      const continuesRoman = k.value === lastRoman + 1;
      const continuesLetter = asLetter >= 0 && lastLetter >= 0 && asLetter === lastLetter + 1;
      if (continuesLetter || (asLetter >= 0 && !continuesRoman && k.value >= 50)) {
        out[i] = { kind: 'letter', letter: VI_LETTERS[asLetter], text: k.text };
        lastLetter = asLetter;
      } else {
        lastRoman = k.value;
        lastLetter = -1;
      }
    } else if (k.kind === 'letter') {
      lastLetter = VI_LETTERS.indexOf(k.letter);
    }
  }
  return out;
}

/** Is a numbered row a level-2 group ("1." above items restarting at 1, or a bold number above a restart)? */
export function numberIsGroup(grid: Grid, i: number, bodyStart: number, roles: readonly TTKind[], row: Row, underL1: boolean): boolean {
  const k = roles[i];
  if (k.kind !== 'number') return false;
  if (!underL1 && !k.dotted) return false;
  // Next numbered row.
  for (let j = i + 1; j < roles.length && j < i + 50; j++) {
    const n = roles[j];
    if (n.kind === 'none' || n.kind === 'other' || n.kind === 'bullet') continue;
    if (n.kind !== 'number' || n.value !== 1) return false;
    if (k.dotted && !n.dotted) return true;
    if (k.dotted !== n.dotted) return false;
    // Same style: a restart at 1 right after, with this row bold and the next not.
    const nextRow = rowOf(grid, bodyStart + j);
    const bold = (rr: Row) => rr.some((c) => c?.bold === true);
    return underL1 && bold(row) && !bold(nextRow);
  }
  return false;
}
