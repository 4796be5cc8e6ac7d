import * as React from 'react';
import { Button, Field, Input, Text, MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { PaneSettings, WorkbookHost } from '../../office/host';
import type { Engine } from '../engine';
import { ErrorBar, LiveRegion, amountField, messageOf, useShowOutcome, useTabStyles } from './common';
import { currentInputSheet } from './useInputSheet';
import { INPUT_SHEET_NAME as INPUT_SHEET } from '../../app/input';
import { DEFAULTS } from '../../core/plan/settings';
import { sentenceOf } from '../format';

interface Props {
  host: WorkbookHost;
  engine: Engine;
  settings: PaneSettings;
  onSettings: (s: PaneSettings) => void;
}

export function InputTab({ host, engine, settings, onSettings }: Props) {
  const t = useTabStyles();
  const [yearFrom, setYearFrom] = React.useState(String(settings.yearFrom ?? DEFAULTS.years.from));
  const [yearTo, setYearTo] = React.useState(String(settings.yearTo ?? DEFAULTS.years.to));
  const [sources, setSources] = React.useState(settings.sources?.join(', ') ?? DEFAULTS.sourceCodes.split(',').join(', '));
  const [total, setTotal] = React.useState('');
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<string | null>(null);
  const [info, setInfo] = React.useState<string | null>(null);
  const outRef = React.useRef<HTMLDivElement>(null);
  const show = useShowOutcome();

  const yErr = (v: string) => (/^\d{4}$/.test(v.trim()) ? undefined : 'Năm gồm 4 chữ số.');
  // the span and the source list follow the one rule of the application layer (the command line's too)
  const spanErr = !yErr(yearFrom) && !yErr(yearTo) ? sentenceOf(engine.yearsProblem(yearFrom, yearTo)) : undefined;
  const srcErr = sentenceOf(engine.sourcesProblem(sources));
  // in the input sheet's unit: a unit typed with it would be dropped ("1,8 tỷ" spread as 1,8 triệu), so it is refused
  const totalParsed = React.useMemo(() => {
    const read = total.trim() ? engine.readAmount(total) : null;
    return read && 'value' in read && read.unit ? { error: 'Ghi tổng theo ĐVT của trang nhập liệu, không kèm đơn vị.' } : read;
  }, [engine, total]);

  const act = async (f: () => Promise<string>) => {
    setBusy(true);
    setError(null);
    setInfo(null);
    try {
      setInfo(await f());
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
      // the outcome, not the page, takes the focus (and is announced by the live region)
      show(outRef);
    }
  };

  const inputSheetName = () => currentInputSheet(host, engine, settings);

  const create = () => act(async () => {
    const spec = engine.inputTemplate({ years: `${yearFrom.trim()}-${yearTo.trim()}`, sources });
    const name = await host.writeNewSheet({ ...spec, name: INPUT_SHEET });
    const codes = sources.split(/[,;]/).map((x) => x.trim()).filter(Boolean);
    onSettings({ ...settings, inputSheet: name, yearFrom: parseInt(yearFrom, 10), yearTo: parseInt(yearTo, 10), sources: codes });
    return `Đã tạo trang “${name}”. Nhập mỗi dự án trên một dòng; dòng nhóm ghi số La Mã (I, II…) ở cột TT.`;
  });

  const spread = () => act(async () => {
    if (!totalParsed || 'error' in totalParsed) throw new Error('Hãy nhập tổng kinh phí cần chia.');
    const name = await inputSheetName();
    const sel = await host.selection();
    if (sel.sheet !== name) throw new Error(`Hãy chọn một ô trên dòng dự án ở trang “${name}”.`);
    const grid = await host.readSheet(name);
    const writes = engine.spreadWrites(grid, sel.row, totalParsed.value);
    await host.writeCells(name, writes, grid);
    // the years of the item's period; the other year cells are only emptied
    const years = writes.filter((w) => w.cell.t === 'num').length;
    return `Đã chia ${total.trim()} cho ${years} năm của dòng ${sel.row + 1}.`;
  });

  const renumber = () => act(async () => {
    const name = await inputSheetName();
    const grid = await host.readSheet(name);
    const writes = engine.renumberWrites(grid);
    await host.writeCells(name, writes, grid);
    return writes.length ? `Đã đánh lại ${writes.length} số thứ tự.` : 'Số thứ tự đã đúng, không cần sửa.';
  });

  return (
    <div className={t.tab}>
      <div ref={outRef} tabIndex={-1} className={t.outcome} data-testid="input-outcome">
        <ErrorBar error={error} />
        {info && <MessageBar intent="success" layout="multiline"><MessageBarBody>{info}</MessageBarBody></MessageBar>}
      </div>
      <LiveRegion text={error ? `Không thực hiện được: ${error}` : info ?? ''} />
      <div className={t.section}>
        <Text className={t.sectionTitle}>Trang nhập liệu</Text>
        <div className={t.fields}>
          <Field label="Từ năm" className={t.narrow} validationState={yErr(yearFrom) || spanErr ? 'error' : 'none'} validationMessage={yErr(yearFrom) ?? spanErr}>
            <Input className={t.full} value={yearFrom} onChange={(_, d) => setYearFrom(d.value)} inputMode="numeric" />
          </Field>
          <Field label="Đến năm" className={t.narrow} validationState={yErr(yearTo) ? 'error' : 'none'} validationMessage={yErr(yearTo)}>
            <Input className={t.full} value={yearTo} onChange={(_, d) => setYearTo(d.value)} inputMode="numeric" />
          </Field>
        </div>
        <Field label="Nguồn vốn (mã)" validationState={srcErr ? 'error' : 'none'} validationMessage={srcErr} hint="NSTW, NSĐP, ĐTPT, XHH, KHAC hoặc mã riêng">
          <Input className={t.full} value={sources} onChange={(_, d) => setSources(d.value)} />
        </Field>
        <div>
          <Button appearance="primary" disabled={busy || !!(yErr(yearFrom) || yErr(yearTo) || spanErr || srcErr)} onClick={() => void create()}>
            Tạo trang Nhập liệu
          </Button>
        </div>
      </div>
      <div className={t.section}>
        <Text className={t.sectionTitle}>Chia tổng kinh phí cho các năm</Text>
        <Text className={t.hint}>Chọn một ô trên dòng dự án rồi nhập tổng: số được chia đều cho các năm trong thời gian thực hiện, phần lẻ cộng vào các năm đầu.</Text>
        <Field
          label="Tổng kinh phí"
          {...amountField(totalParsed)}
        >
          <Input className={t.full} value={total} onChange={(_, d) => setTotal(d.value)} placeholder="ví dụ 9.559" inputMode="decimal" />
        </Field>
        {/* below the field, not beside it: a hint or message under the field would push it out of line */}
        <div>
          <Button disabled={busy || !totalParsed || 'error' in totalParsed} onClick={() => void spread()}>Chia cho các năm</Button>
        </div>
      </div>
      <div className={t.section}>
        <Text className={t.sectionTitle}>Số thứ tự</Text>
        <Text className={t.hint}>Đánh lại cột TT: nhóm I, II, III…; nhóm con A, B, C…; dự án 1, 2, 3 trong từng nhóm.</Text>
        <div>
          <Button disabled={busy} onClick={() => void renumber()}>Đánh lại số TT</Button>
        </div>
      </div>
    </div>
  );
}
