/**
 * Reading the rows above an input sheet's data: the header's columns, the "Thông tin phụ lục" block and the band
 * row over the header (source labels, the years label).
 */
import { a1 } from '../base/a1';
import { YEARS } from '../base/limits';
import type { FundingSource, LayoutPreset, Unit } from '../plan/model';
import { PRESET_LABELS, SOURCE_CODE_RE, parsePresetText, parseUnitText, standardSource } from '../plan/settings';
import { fold } from '../text/fold';
import { INPUT_MESSAGES as M } from './messages';
import { type ReadContext, problem } from './problems';
import { cellText, infoLabelKey, roleOfTitle } from './sheet';

/** The header's columns: by role ('tt', 'name', 'total'...), the year columns and the source-code columns. */
export interface Columns {
  byRole: Map<string, number>;
  years: { year: number; col: number }[];
  sources: { code: string; col: number }[];
}

/** Map the header row's titles to columns; repeated year or source columns are problems. */
export function mapColumns(ctx: ReadContext, header: number): Columns {
  const row = ctx.grid.cells[header] ?? [];
  const byRole = new Map<string, number>();
  const years: Columns['years'] = [];
  const sources: Columns['sources'] = [];
  const unknown: { col: number; text: string }[] = [];
  row.forEach((cell, c) => {
    const t = cellText(cell);
    if (t === '') return;
    const r = roleOfTitle(t);
    if (!r) {
      unknown.push({ col: c, text: t });
      return;
    }
    if (r.role === 'year') {
      const dup = years.find((y) => y.year === r.year);
      if (dup) problem(ctx, header, c, M.yearRepeated(r.year, a1(header, dup.col)));
      else years.push({ year: r.year, col: c });
    } else if (r.role !== 'source' && !byRole.has(r.role)) {
      byRole.set(r.role, c);
    }
  });
  // Source columns: standard codes anywhere; other titles between the year columns and the "Nguồn vốn" text column.
  const lastYear = years.length ? Math.max(...years.map((y) => y.col)) : (byRole.get('objective') ?? byRole.get('name') ?? 0);
  const textSrc = byRole.get('sourceText');
  for (const u of unknown) {
    const std = standardSource(u.text);
    const between = u.col > lastYear && (textSrc === undefined || u.col < textSrc);
    const userCode = between && u.text === u.text.toUpperCase() && SOURCE_CODE_RE.test(u.text);
    if (!std && !userCode) continue;
    const code = std ? std.code : u.text;
    const dup = sources.find((s) => fold(s.code) === fold(code));
    if (dup) problem(ctx, header, u.col, M.sourceRepeated(code, a1(header, dup.col)));
    else sources.push({ code, col: u.col });
  }
  years.sort((a, b) => a.year - b.year);
  return { byRole, years, sources };
}

/** The values of the "Thông tin phụ lục" block. */
export interface Info {
  appendixNo?: string;
  title?: string;
  attachedTo?: string;
  unit?: Unit;
  preset?: LayoutPreset;
  planYear?: number;
}

/** Read the labelled values above the header; a value that is not what its label asks for is a problem. */
export function readInfo(ctx: ReadContext, header: number): Info {
  const info: Info = {};
  for (let r = 0; r < header; r++) {
    const row = ctx.grid.cells[r];
    if (!row) continue;
    for (let c = 0; c < row.length; c++) {
      const t = cellText(row[c]);
      if (!t || t.length > 40) continue;
      const key = infoLabelKey(t);
      if (!key) continue;
      // The value sits right of its label (merged C:G in the template); the instructions start further right.
      let vc = c + 1;
      while (vc < row.length && vc <= c + 3 && cellText(row[vc]) === '') vc++;
      const v = vc < row.length && vc <= c + 3 ? cellText(row[vc]) : '';
      if (v === '') break;
      if (key === 'unit') {
        const u = parseUnitText(v);
        if (u) info.unit = u;
        else problem(ctx, r, vc, M.notUnit(v));
      } else if (key === 'preset') {
        const p = parsePresetText(v);
        if (p) info.preset = p;
        else problem(ctx, r, vc, M.notPreset(v, Object.values(PRESET_LABELS)));
      } else if (key === 'planYear') {
        const y = /^\d{4}$/.test(v) ? parseInt(v, 10) : NaN;
        if (y >= YEARS.min && y <= YEARS.max) info.planYear = y;
        else problem(ctx, r, vc, M.notPlanYear(v));
      } else {
        info[key] = v;
      }
      break;
    }
  }
  return info;
}

/** Source labels from the band row above the header (else standard labels, else the code), and the years label. */
export function readBand(ctx: ReadContext, header: number, cols: Columns): { sources: FundingSource[]; yearsLabel: string } {
  const band = header > 0 ? ctx.grid.cells[header - 1] : undefined;
  const sources: FundingSource[] = cols.sources.map(({ code, col }) => {
    const above = cellText(band?.[col]);
    const label = above && fold(above) !== 'du kien phan ky' ? above : (standardSource(code)?.label ?? code);
    return { code, label };
  });
  const y0 = cols.years[0];
  return { sources, yearsLabel: y0 ? cellText(band?.[y0.col]) : '' };
}
