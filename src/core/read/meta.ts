/**
 * Texts above the table: the unit (opts.unit, else a unit line above the table "ĐVT: Triệu đồng", else a unit
 * in the header "Tổng mức đầu tư (Triệu đồng)", else triệu đồng), the title, the appendix number and what it is
 * attached to.
 */
import { fold } from '../text/fold';
import { parseUnitLine } from '../text/numbers';
import type { Unit } from '../plan/model';
import { rowOf } from './cells';
import type { ReadState } from './state';

/** Rows above the header searched for the unit line and the title. */
const ABOVE = 30;

const HEADER_UNIT = /\((?:đvt:?\s*)?(triệu đồng|tỷ đồng|nghìn đồng|ngàn đồng|đồng|trđ|tr\.đ)\)/i;

/** A unit line above the header: in one cell, or "ĐVT" | "Triệu đồng" in two cells (a form's label and value). */
function unitAbove(s: ReadState, firstHeaderRow: number): Unit | undefined {
  for (let r = Math.max(0, firstHeaderRow - ABOVE); r < firstHeaderRow; r++) {
    const texts: string[] = [];
    for (const c of rowOf(s.grid, r)) {
      if (!c || typeof c.value !== 'string' || c.value.length > 300) continue;
      texts.push(c.value);
      const u = parseUnitLine(c.value);
      if (u) return u;
    }
    if (texts.length >= 2 && texts.length <= 4) {
      const u = parseUnitLine(texts.join(' '));
      if (u) return u;
    }
  }
  return undefined;
}

/** A unit in brackets in a header label: "(Triệu đồng)", "(ĐVT: tỷ đồng)", "(tr.đ)". */
function unitInHeader(texts: string[][]): Unit | undefined {
  for (const row of texts) {
    for (const t of row) {
      const m = HEADER_UNIT.exec(t.normalize('NFC'));
      if (m) {
        const w = m[1].toLowerCase();
        return w.startsWith('tỷ') ? 'tỷ đồng' : w.startsWith('nghìn') || w.startsWith('ngàn') ? 'nghìn đồng'
          : w === 'đồng' ? 'đồng' : 'triệu đồng';
      }
    }
  }
  return undefined;
}

export function readUnit(s: ReadState, firstHeaderRow: number, texts: string[][]): void {
  if (s.opts.unit) {
    s.unit = s.opts.unit;
    s.unitFrom = 'option';
    return;
  }
  const u = unitAbove(s, firstHeaderRow) ?? unitInHeader(texts);
  if (u) {
    s.unit = u;
    s.unitFrom = 'sheet';
  }
}

export interface SheetMeta {
  title: string;
  appendixNo?: string;
  attachedTo?: string;
}

/** Title (upper-case lines, "Danh mục ..."), "Phụ lục ..." and "(Kèm theo ...)" above the header. */
export function readMeta(s: ReadState): SheetMeta {
  const first = s.headerFirst;
  const titleParts: string[] = [];
  let appendixNo: string | undefined;
  let attachedTo: string | undefined;
  for (let r = Math.max(0, first - ABOVE); r < first; r++) {
    for (const c of rowOf(s.grid, r)) {
      if (!c || typeof c.value !== 'string') continue;
      const t = c.value.normalize('NFC').replace(/\s+/g, ' ').trim();
      if (!t || t.length > 500) continue;
      const f = fold(t);
      if (/^phu luc\b/.test(f)) {
        appendixNo = t.replace(/^phụ\s+lục\s*/iu, '').trim() || undefined;
      } else if (/^\(?\s*(kem theo|ban hanh kem)/.test(f)) {
        attachedTo = t.replace(/^\(\s*/, '').replace(/\s*\)$/, '');
      } else if (parseUnitLine(t)) {
        // unit line
      } else if (t === t.toUpperCase() || /^danh muc\b/.test(f)) {
        titleParts.push(t);
      }
    }
  }
  const title = titleParts.join(' ').slice(0, 500) || s.sheet;
  const meta: SheetMeta = { title };
  if (appendixNo) meta.appendixNo = appendixNo;
  if (attachedTo) meta.attachedTo = attachedTo;
  return meta;
}
