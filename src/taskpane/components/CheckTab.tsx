import * as React from 'react';
import {
  Badge, Button, Caption1, Field, Input, Switch, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow,
  Text, makeStyles, tokens, Spinner, MessageBar, MessageBarBody,
} from '@fluentui/react-components';
import type { PaneSettings, WorkbookHost } from '../../office/host';
import type { Engine } from '../engine';
import type { CheckResult, Finding, Severity } from '../../core/checks/findings';
import { parseA1 } from '../../core/base/a1';
import { showValue } from '../format';
import { ErrorBar, messageOf, useTabStyles } from './common';

/** Findings listed per severity; beyond that the pane says how many more there are. */
const MAX_LISTED = 300;

const SEVERITY_LABEL: Record<Severity, string> = { error: 'Lỗi', warning: 'Cảnh báo', info: 'Thông tin' };
const SEVERITY_COLOR = { error: 'danger', warning: 'warning', info: 'informative' } as const;

const useStyles = makeStyles({
  summary: {
    padding: tokens.spacingHorizontalM, borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS,
  },
  words: { fontStyle: 'italic', color: tokens.colorNeutralForeground2 },
  counts: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  groupTitle: { fontWeight: tokens.fontWeightSemibold, marginTop: tokens.spacingVerticalS },
  cellCol: { width: '56px' },
  addr: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold, color: tokens.colorBrandForeground1 },
  row: { cursor: 'pointer' },
  message: { display: 'block', paddingTop: tokens.spacingVerticalXXS, paddingBottom: tokens.spacingVerticalXXS },
  values: { display: 'block', color: tokens.colorNeutralForeground3 },
  ok: { color: tokens.colorPaletteGreenForeground1 },
});

interface Props {
  host: WorkbookHost;
  engine: Engine;
  /** run the check as soon as the tab opens (ribbon button "Kiểm tra") */
  autoRun?: boolean;
  /** the rounding tolerance is kept with the workbook's settings */
  settings: PaneSettings;
  onSettings: (s: PaneSettings) => void;
}

export function CheckTab({ host, engine, autoRun, settings, onSettings }: Props) {
  const t = useTabStyles();
  const [result, setResult] = React.useState<(CheckResult & { sheet: string }) | null>(null);
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<string | null>(null);
  const [onlyErrors, setOnlyErrors] = React.useState(false);
  const [stated, setStated] = React.useState('');
  const [tolerance, setTolerance] = React.useState(settings.tolerance && settings.tolerance !== '0' ? settings.tolerance.replace('.', ',') : '');
  const [selected, setSelected] = React.useState<Finding | null>(null);
  // what this Excel lacks, a recalculation made, cells far outside the table (WorkbookHost.notices)
  const [notes, setNotes] = React.useState<string[]>([]);

  const statedParsed = stated.trim() ? engine.readAmount(stated) : null;
  const tolParsed = tolerance.trim() ? engine.readAmount(tolerance) : null;
  const inputError = (statedParsed && 'error' in statedParsed) || (tolParsed && 'error' in tolParsed);

  const run = React.useCallback(async () => {
    setBusy(true);
    setError(null);
    setSelected(null);
    try {
      const grid = await host.readSheet();
      setNotes(await host.notices());
      // the texts as typed: the application layer reads them (the same way as the command line's options)
      const res = engine.check(grid, { statedTotal: stated.trim() || undefined, tolerance: tolerance.trim() || undefined });
      setResult({ ...res, sheet: grid.sheet });
      const tol = tolParsed && 'value' in tolParsed ? tolParsed.value : '0';
      if ((settings.tolerance ?? '0') !== tol) onSettings({ ...settings, tolerance: tol });
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  }, [host, engine, stated, tolerance, tolParsed, settings, onSettings]);

  const ran = React.useRef(false);
  React.useEffect(() => {
    if (autoRun && !ran.current) {
      ran.current = true;
      void run();
    }
  }, [autoRun, run]);

  const go = async (f: Finding) => {
    const pos = f.row !== undefined && f.col !== undefined ? { row: f.row, col: f.col } : f.cell ? parseA1(f.cell) : undefined;
    if (!pos || !result) return;
    setSelected(f);
    try {
      await host.selectCell(f.sheet ?? result.sheet, pos.row, pos.col);
    } catch (e) {
      setError(messageOf(e));
    }
  };

  const findings = result ? result.findings.filter((f) => !onlyErrors || f.severity === 'error') : [];
  const groups = (['error', 'warning', 'info'] as Severity[]).map((sev) => ({ sev, list: findings.filter((f) => f.severity === sev) }));
  const sum = result?.summary;

  return (
    <div className={t.tab}>
      <Text className={t.hint}>
        Soát tổng cộng, tổng nhóm, phân kỳ theo năm, nguồn vốn, dòng “Trong đó” và số viết bằng chữ của trang đang mở.
        Việc kiểm tra không sửa trang tính.
      </Text>
      <div className={t.row}>
        <Field
          className={t.grow}
          label="Tổng nêu trong văn bản (nếu có)"
          validationState={statedParsed && 'error' in statedParsed ? 'error' : 'none'}
          validationMessage={statedParsed && 'error' in statedParsed ? statedParsed.error : undefined}
        >
          <Input className={t.full} value={stated} onChange={(_, d) => setStated(d.value)} placeholder="ví dụ 441.115" inputMode="decimal" />
        </Field>
        <Field
          className={t.narrow}
          label="Sai số"
          validationState={tolParsed && 'error' in tolParsed ? 'error' : 'none'}
          validationMessage={tolParsed && 'error' in tolParsed ? tolParsed.error : undefined}
        >
          <Input className={t.full} value={tolerance} onChange={(_, d) => setTolerance(d.value)} placeholder="0" inputMode="decimal" />
        </Field>
      </div>
      <div className={t.row}>
        <Button appearance="primary" onClick={() => void run()} disabled={busy || !!inputError} data-testid="run-check">
          {result ? 'Kiểm tra lại' : 'Kiểm tra trang đang mở'}
        </Button>
        {busy && <Spinner size="tiny" label="Đang kiểm tra…" />}
      </div>
      <ErrorBar error={error} />
      {notes.map((n) => <MessageBar key={n} intent="warning"><MessageBarBody>{n}</MessageBarBody></MessageBar>)}
      {result && sum && (
        <>
          <CheckSummaryView sheet={result.sheet} sum={sum} engine={engine} onlyErrors={onlyErrors} setOnlyErrors={setOnlyErrors} />
          {result.findings.length === 0 && (
            <MessageBar intent="success"><MessageBarBody>Không thấy sai sót nào: các tổng khớp nhau.</MessageBarBody></MessageBar>
          )}
          {groups.filter((g) => g.list.length > 0).map((g) => (
            <FindingGroup key={g.sev} sev={g.sev} list={g.list} selected={selected} onGo={(f) => void go(f)} />
          ))}
        </>
      )}
    </div>
  );
}

function safeWords(engine: Engine, amount: string, unit: string): string {
  try {
    return engine.words(amount, unit);
  } catch (e) {
    return `(không đọc được thành chữ: ${messageOf(e)})`;
  }
}

/** The sheet's figures, their words and the counts per severity. */
function CheckSummaryView({ sheet, sum, engine, onlyErrors, setOnlyErrors }: {
  sheet: string;
  sum: CheckResult['summary'];
  engine: Engine;
  onlyErrors: boolean;
  setOnlyErrors: (v: boolean) => void;
}) {
  const s = useStyles();
  return (
    <>
      <div className={s.summary} data-testid="check-summary">
        <Text weight="semibold">Trang “{sheet}”</Text>
        <Text>
          {sum.items} dự án, {sum.groups} nhóm
          {sum.grandTotal !== undefined && <>; tổng cộng <b>{showValue(sum.grandTotal)}</b>{sum.unit ? ` ${sum.unit}` : ''}</>}.
        </Text>
        {sum.grandTotal !== undefined && sum.unit && (
          <Text className={s.words}>Bằng chữ: {safeWords(engine, sum.grandTotal, sum.unit)}</Text>
        )}
      </div>
      <div className={s.counts}>
        <Badge appearance="filled" color="danger">{SEVERITY_LABEL.error}: {sum.errors}</Badge>
        <Badge appearance="filled" color="warning">{SEVERITY_LABEL.warning}: {sum.warnings}</Badge>
        <Badge appearance="tint" color="informative">{SEVERITY_LABEL.info}: {sum.infos}</Badge>
        <Switch checked={onlyErrors} onChange={(_, d) => setOnlyErrors(d.checked)} label="Chỉ lỗi" />
      </div>
    </>
  );
}

/** The findings of one severity as a small table; a row selects its cell. */
function FindingGroup({ sev, list, selected, onGo }: {
  sev: Severity;
  list: Finding[];
  selected: Finding | null;
  onGo: (f: Finding) => void;
}) {
  const s = useStyles();
  return (
    <section aria-label={SEVERITY_LABEL[sev]} data-testid={`findings-${sev}`}>
      <Text className={s.groupTitle} as="h3" block>
        {SEVERITY_LABEL[sev]} ({list.length})
      </Text>
      <Table size="small" aria-label={`${SEVERITY_LABEL[sev]} tìm thấy`}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={s.cellCol}>Ô</TableHeaderCell>
            <TableHeaderCell>Nội dung</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {list.slice(0, MAX_LISTED).map((f, i) => (
            <TableRow
              key={`${f.code}-${f.cell ?? ''}-${i}`}
              className={s.row}
              tabIndex={0}
              aria-selected={selected === f}
              appearance={selected === f ? 'brand' : 'none'}
              data-finding={f.code}
              data-cell={f.cell}
              onClick={() => onGo(f)}
              onKeyDown={(e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); onGo(f); } }}
            >
              <TableCell className={s.cellCol}>
                <span className={s.addr}>{f.cell ?? '—'}</span>
              </TableCell>
              <TableCell>
                <span className={s.message}>
                  <Badge size="small" appearance="outline" color={SEVERITY_COLOR[f.severity]}>{f.code}</Badge>{' '}
                  {f.message}
                  {(f.expected !== undefined || f.actual !== undefined) && (
                    <Caption1 className={s.values}>
                      {f.expected !== undefined && <>Đúng là: <b>{showValue(f.expected)}</b></>}
                      {f.expected !== undefined && f.actual !== undefined && ' · '}
                      {f.actual !== undefined && <>Đang ghi: <b>{showValue(f.actual)}</b></>}
                    </Caption1>
                  )}
                </span>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {list.length > MAX_LISTED && (
        <Caption1 className={s.values}>
          … và {list.length - MAX_LISTED} {SEVERITY_LABEL[sev].toLowerCase()} khác (sửa các mục trên rồi kiểm tra lại).
        </Caption1>
      )}
    </section>
  );
}
