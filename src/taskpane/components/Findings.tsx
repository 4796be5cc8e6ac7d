import * as React from 'react';
import { Caption1, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Finding } from '../../core/checks/findings';
import { FINDING_HELP, SEVERITY_LABEL } from '../messages';
import { filterCounts, ignoreKey, reviewSections, type ReviewEntry } from '../findingOrder';
import { ReviewFilters, codeChoice, severityChoice, type FilterValue } from './ReviewFilters';
import { showValue } from '../format';
import { FindingDetail, IgnoredList } from './FindingDetail';

/** Entries listed per severity; beyond that the pane says how many more there are. */
const MAX_LISTED = 300;

const useStyles = makeStyles({
  list: {
    display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, outlineOffset: '2px',
    borderRadius: tokens.borderRadiusMedium,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  groupTitle: { fontWeight: tokens.fontWeightSemibold, marginTop: tokens.spacingVerticalS, display: 'block' },
  option: {
    display: 'flex', gap: tokens.spacingHorizontalS, padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium, cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  current: { backgroundColor: tokens.colorBrandBackground2, ':hover': { backgroundColor: tokens.colorBrandBackground2Hover } },
  child: { marginLeft: tokens.spacingHorizontalXL, borderLeft: `2px solid ${tokens.colorNeutralStroke2}` },
  addr: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold, color: tokens.colorBrandForeground1, minWidth: '44px' },
  text: { display: 'flex', flexDirection: 'column', minWidth: 0, overflowWrap: 'anywhere' },
  title: { fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3 },
});

interface Props {
  findings: Finding[];
  sheet: string;
  ignored: string[];
  onIgnored: (keys: string[], said: string) => void;
  /** select the finding's cell in the workbook */
  onGo: (f: Finding) => void;
  /** announce a change of what the list shows (the tab's live region) */
  onSay: (text: string) => void;
}

/** A finding's line in the list: its cell, its Vietnamese title (the code in the tooltip) and its message. */
function EntryLine({ e, id, current, onPick }: { e: ReviewEntry; id: string; current: boolean; onPick: () => void }) {
  const s = useStyles();
  const f = e.finding;
  return (
    <div
      id={id} role="option" aria-selected={current} data-finding={f.code} data-cell={f.cell}
      className={mergeClasses(s.option, current && s.current, e.root && s.child)}
      onClick={onPick}
    >
      <span className={s.addr}>{f.cell ?? '—'}</span>
      <span className={s.text}>
        <span className={s.title} title={`Mã: ${f.code}`} data-code={f.code}>{FINDING_HELP[f.code].title}</span>
        <span>{f.message}</span>
        {e.root && <Caption1 className={s.muted}>Hệ quả của lỗi ở ô {e.root.cell}</Caption1>}
        {f.code !== 'TEXT_NUMBER' && f.expected !== undefined && f.actual !== undefined && (
          <Caption1 className={s.muted}>Đúng là {showValue(f.expected)} · đang ghi {showValue(f.actual)}</Caption1>
        )}
      </span>
    </div>
  );
}

/** Filters, the current finding with Trước / Sau / Bỏ qua, the list (one Tab stop, arrow keys inside), the ignored. */
export function Findings({ findings, sheet, ignored, onIgnored, onGo, onSay }: Props) {
  const s = useStyles();
  const [filter, setFilter] = React.useState<FilterValue>({ severity: '', code: '' });
  const [pos, setPos] = React.useState(0);
  const ignoredSet = React.useMemo(() => new Set(ignored), [ignored]);
  const { severity, code } = filter;
  const sections = React.useMemo(
    () => reviewSections(findings, sheet, { severity: severity || undefined, code: code || undefined, ignored: ignoredSet }),
    [findings, sheet, severity, code, ignoredSet]);
  const counts = React.useMemo(
    () => filterCounts(findings, sheet, { severity: severity || undefined, ignored: ignoredSet }),
    [findings, sheet, severity, ignoredSet]);
  const flat = sections.flatMap((sec) => sec.entries.slice(0, MAX_LISTED));
  const at = Math.min(pos, Math.max(0, flat.length - 1));
  const current = flat[at];
  const onFilter = (v: FilterValue) => {
    setFilter(v);
    setPos(0);
    const shown = reviewSections(findings, sheet, { severity: v.severity || undefined, code: v.code || undefined, ignored: ignoredSet })
      .reduce((n, sec) => n + sec.entries.length, 0);
    const c = filterCounts(findings, sheet, { severity: v.severity || undefined, ignored: ignoredSet });
    const name = (t: string) => t.replace(/ \(\d+\)$/, '');
    onSay(`${shown ? `Đang hiện ${shown} mục` : 'Không có mục nào'}: ${name(severityChoice(v.severity, c))} · ${name(codeChoice(v.code, c))}.`);
  };

  const goTo = (i: number) => {
    if (flat.length === 0) return;
    const n = Math.max(0, Math.min(flat.length - 1, i));
    setPos(n);
    onGo(flat[n].finding);
    document.getElementById(`finding-${n}`)?.scrollIntoView({ block: 'nearest' });
  };
  const onKey = (ev: React.KeyboardEvent) => {
    const step: Record<string, number> = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: flat.length - 1 };
    if (ev.key in step) { ev.preventDefault(); goTo(step[ev.key]); }
    else if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); if (current) onGo(current.finding); }
  };
  const ignore = () => {
    if (!current) return;
    const f = current.finding;
    onIgnored([...ignored, ignoreKey(f, sheet)], `Đã bỏ qua “${FINDING_HELP[f.code].title}” ở ô ${f.cell ?? '—'}.`);
  };

  let index = 0;
  return (
    <>
      {counts.all > 0 && <ReviewFilters value={filter} counts={counts} onChange={onFilter} />}
      {counts.all > 0 && flat.length === 0 && (
        <Text className={s.muted} data-testid="findings-none">Không có mục nào ở bộ lọc này.</Text>
      )}
      {current && (
        <FindingDetail entry={current} position={at + 1} count={flat.length}
          onPrev={() => goTo(at - 1)} onNext={() => goTo(at + 1)} onIgnore={ignore} />
      )}
      {flat.length > 0 && (
        <div role="listbox" aria-label="Các sai sót tìm thấy" tabIndex={0} className={s.list}
          aria-activedescendant={current ? `finding-${at}` : undefined} onKeyDown={onKey} data-testid="findings-list">
          {sections.map((sec) => {
            const shown = sec.entries.slice(0, MAX_LISTED);
            const first = index;
            index += shown.length;
            return (
              <div role="group" key={sec.severity} aria-labelledby={`findings-${sec.severity}-title`} data-testid={`findings-${sec.severity}`}>
                <Text id={`findings-${sec.severity}-title`} className={s.groupTitle}>{SEVERITY_LABEL[sec.severity]} ({sec.roots})</Text>
                {shown.map((e, i) => (
                  <EntryLine key={first + i} e={e} id={`finding-${first + i}`} current={first + i === at}
                    onPick={() => goTo(first + i)} />
                ))}
                {sec.entries.length > MAX_LISTED && (
                  <Caption1 className={s.muted}>… và {sec.entries.length - MAX_LISTED} mục khác (sửa các mục trên rồi kiểm tra lại).</Caption1>
                )}
              </div>
            );
          })}
        </div>
      )}
      <IgnoredList ignored={ignored} onRestore={(keys, said) => onIgnored(keys, said)} />
    </>
  );
}
