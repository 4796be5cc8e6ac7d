import * as React from 'react';
import {
  Badge, Button, Field, Input, Select, Text, makeStyles, tokens, Spinner, MessageBar, MessageBarBody,
} from '@fluentui/react-components';
import type { PaneSettings, WorkbookHost } from '../../office/host';
import type { Engine, StatedInText } from '../engine';
import type { CheckResult, Finding } from '../../core/checks/findings';
import { UNITS } from '../../core/plan/model';
import { parseA1 } from '../../core/base/a1';
import { sentence, showValue } from '../format';
import { APP_MESSAGES } from '../../app/messages';
import { ErrorBar, LiveRegion, amountField, messageOf, useShowOutcome, useTabStyles } from './common';
import { Findings } from './Findings';
import { noteGroups } from '../noteGroups';
import { WordImportSection } from './WordImport';
import { SEVERITY_LABEL } from '../messages';


const useStyles = makeStyles({
  summary: {
    padding: tokens.spacingHorizontalM, borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS,
  },
  words: { fontStyle: 'italic', color: tokens.colorNeutralForeground2 },
  counts: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  // wide enough for its longest choice ("ĐVT của trang", "nghìn đồng") beside Sai số at 320 px
  unitSelect: { width: '140px', flexShrink: 0 },
  noteList: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL },
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
  const [stated, setStated] = React.useState('');
  const [statedUnit, setStatedUnit] = React.useState('');
  const [tolerance, setTolerance] = React.useState(settings.tolerance && settings.tolerance !== '0' ? settings.tolerance.replace('.', ',') : '');
  // what this Excel lacks, a recalculation made, cells far outside the table (WorkbookHost.notices)
  const [notes, setNotes] = React.useState<string[]>([]);
  const [said, setSaid] = React.useState('');
  const summaryRef = React.useRef<HTMLDivElement>(null);
  const show = useShowOutcome();

  // the stated total with the unit chosen beside it (a unit typed in the text wins: "441.115.000.000 đồng")
  const statedText = stated.trim() && statedUnit && !/[^\d\s.,]/.test(stated.trim()) ? `${stated.trim()} ${statedUnit}` : stated.trim();
  const statedParsed = statedText ? engine.readAmount(statedText) : null;
  // the tolerance is in the sheet's unit: a unit typed with it is refused (the application layer's rule and message)
  const tolParsed = React.useMemo((): Parsed => {
    const read = tolerance.trim() ? engine.readAmount(tolerance) : null;
    return read && 'value' in read && read.unit ? { error: sentence(APP_MESSAGES.toleranceWithUnit(tolerance.trim())) } : read;
  }, [engine, tolerance]);
  const inputError = (statedParsed && 'error' in statedParsed) || (tolParsed && 'error' in tolParsed);

  /** Checks the active sheet, or `from.sheet` (a table just brought from Word) with the total its text states. */
  const run = React.useCallback(async (from?: { sheet: string; stated?: StatedInText }) => {
    setBusy(true);
    setError(null);
    try {
      const grid = await host.readSheet(from?.sheet);
      setNotes(await host.notices());
      // a summary sheet ("Tổng hợp") is compared with the sheets its formulas pull from, as on the command line
      const names = new Set(await host.sheetNames());
      const others = await Promise.all(engine.pulledSheets(grid).filter((n) => names.has(n)).map((n) => host.readSheet(n)));
      // the texts as typed: the application layer reads them (the same way as the command line's options)
      const statedTotal = from ? from.stated?.text : statedText || undefined;
      const statedTotalWhere = from?.stated?.where;
      const res = engine.check(grid, { statedTotal, statedTotalWhere, tolerance: tolerance.trim() || undefined }, others);
      if (from) {
        // the field shows the total now checked against (the text's, or none)
        setStated(from.stated?.text ?? '');
        setStatedUnit('');
      }
      setResult({ ...res, sheet: grid.sheet });
      const sum = res.summary;
      setSaid(`Đã kiểm tra trang “${grid.sheet}”: ${sum.errors} lỗi, ${sum.warnings} cảnh báo, ${sum.infos} thông tin.`);
      const tol = tolParsed && 'value' in tolParsed ? tolParsed.value : '0';
      if ((settings.tolerance ?? '0') !== tol) onSettings({ ...settings, tolerance: tol });
      // the results: scrolled into view and focused (the live region announces them)
      show(summaryRef, 'start');
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  }, [host, engine, statedText, tolerance, tolParsed, settings, onSettings, show]);

  const ran = React.useRef(false);
  React.useEffect(() => {
    if (autoRun && !ran.current) {
      ran.current = true;
      void run();
    }
  }, [autoRun, run]);

  const go = (f: Finding) => {
    const pos = f.row !== undefined && f.col !== undefined ? { row: f.row, col: f.col } : f.cell ? parseA1(f.cell) : undefined;
    if (!pos || !result) return;
    host.selectCell(f.sheet ?? result.sheet, pos.row, pos.col).catch((e) => setError(messageOf(e)));
  };
  const onIgnored = (keys: string[], text: string) => {
    onSettings({ ...settings, ignored: keys });
    setSaid(text);
  };
  // after Bỏ qua / Khôi phục removed the focused control: the focus goes to the results, not the page
  const ignoredNow = settings.ignored;
  React.useEffect(() => {
    const a = document.activeElement;
    if (!a || a === document.body || !a.isConnected) summaryRef.current?.focus();
  }, [ignoredNow]);

  const sum = result?.summary;
  return (
    <div className={t.tab}>
      <Text className={t.hint}>
        Soát tổng cộng, tổng nhóm, phân kỳ theo năm, nguồn vốn, dòng “Trong đó” và số viết bằng chữ của trang đang mở.
        Việc kiểm tra không sửa trang tính.
      </Text>
      <CheckFields
        stated={stated} setStated={setStated} statedUnit={statedUnit} setStatedUnit={setStatedUnit}
        tolerance={tolerance} setTolerance={setTolerance} statedParsed={statedParsed} tolParsed={tolParsed}
      />
      <div className={t.row}>
        <Button appearance="primary" onClick={() => void run()} disabled={busy || !!inputError} data-testid="run-check">
          {result ? 'Kiểm tra lại' : 'Kiểm tra trang đang mở'}
        </Button>
        {busy && <Spinner size="tiny" label="Đang kiểm tra…" />}
      </div>
      <WordImportSection host={host} engine={engine} onImported={(sheet, st) => run({ sheet, stated: st })} />
      <ErrorBar error={error} />
      <HostNotices notes={notes} />
      <LiveRegion text={said} />
      {result && sum && (
        <>
          <CheckSummaryView sheet={result.sheet} sum={sum} engine={engine} summaryRef={summaryRef} />
          {result.findings.length === 0 && (
            <MessageBar intent="success"><MessageBarBody>Không thấy sai sót nào: các tổng khớp nhau.</MessageBarBody></MessageBar>
          )}
          <Findings findings={result.findings} sheet={result.sheet} ignored={settings.ignored ?? []} onIgnored={onIgnored} onGo={go} onSay={setSaid} />
        </>
      )}
    </div>
  );
}

/** What this Excel lacks and what the reading met: an intro and its dashed lines are one message with a list. */
function HostNotices({ notes }: { notes: string[] }) {
  const s = useStyles();
  return (
    <>
      {noteGroups(notes).map((g) => (
        <MessageBar key={g.text} intent="warning" layout="multiline" data-testid="host-notice">
          <MessageBarBody>
            {g.text}
            {g.items.length > 0 && <ul className={s.noteList}>{g.items.map((i) => <li key={i}>{i}</li>)}</ul>}
          </MessageBarBody>
        </MessageBar>
      ))}
    </>
  );
}

type Parsed = ReturnType<Engine['readAmount']> | null;

/** The stated total (with its unit) and the rounding tolerance, as typed. */
function CheckFields({ stated, setStated, statedUnit, setStatedUnit, tolerance, setTolerance, statedParsed, tolParsed }: {
  stated: string;
  setStated: (v: string) => void;
  statedUnit: string;
  setStatedUnit: (v: string) => void;
  tolerance: string;
  setTolerance: (v: string) => void;
  statedParsed: Parsed;
  tolParsed: Parsed;
}) {
  const t = useTabStyles();
  const s = useStyles();
  return (
    <div className={t.fields}>
      <Field
        className={t.grow}
        label="Tổng nêu trong văn bản (nếu có)"
        {...amountField(statedParsed, (r) => `Đọc là ${showValue(r.value)} ${r.unit ?? (statedUnit || 'theo ĐVT của trang')}`)}
      >
        <Input className={t.full} value={stated} onChange={(_, d) => setStated(d.value)} placeholder="ví dụ 441.115" inputMode="decimal" />
      </Field>
      <Field label="Đơn vị" className={s.unitSelect}>
        <Select className={t.full} value={statedUnit} onChange={(_, d) => setStatedUnit(d.value)} data-testid="stated-unit">
          <option value="">ĐVT của trang</option>
          {UNITS.map((u) => <option key={u} value={u}>{u}</option>)}
        </Select>
      </Field>
      <Field
        className={t.narrow}
        label="Sai số"
        {...amountField(tolParsed)}
      >
        <Input className={t.full} value={tolerance} onChange={(_, d) => setTolerance(d.value)} placeholder="0" inputMode="decimal" />
      </Field>
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
function CheckSummaryView({ sheet, sum, engine, summaryRef }: {
  sheet: string;
  sum: CheckResult['summary'];
  engine: Engine;
  summaryRef: React.RefObject<HTMLDivElement>;
}) {
  const s = useStyles();
  return (
    <>
      <div className={s.summary} data-testid="check-summary" ref={summaryRef} tabIndex={-1} aria-label={`Kết quả kiểm tra trang “${sheet}”`}>
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
      </div>
    </>
  );
}
