import * as React from 'react';
import {
  Button, Dropdown, Field, Input, Option, ProgressBar, Radio, RadioGroup, Textarea, Text, MessageBar, MessageBarBody,
  MessageBarTitle, Spinner, makeStyles, tokens,
} from '@fluentui/react-components';
import type { PaneSettings, WorkbookHost } from '../../office/host';
import type { Engine, BuildOptions } from '../engine';
import type { LayoutPreset, Plan, Unit } from '../../core/plan/model';
import { UNITS } from '../../core/plan/model';
import { ErrorBar, messageOf, useTabStyles } from './common';
import { INPUT_SHEET_NAME as INPUT_SHEET } from '../../core/input/sheet';

const EMPTY_PLAN: Plan = { meta: { title: '', unit: 'triệu đồng' }, sources: [], nodes: [] };

export const PRESETS: { key: LayoutPreset; label: string }[] = [
  { key: 'medium-term', label: 'Trung hạn: phân kỳ theo năm và nguồn vốn' },
  { key: 'annual', label: 'Hằng năm: tổng mức đầu tư và kinh phí năm' },
  { key: 'flat', label: 'Danh sách không chia nhóm' },
  { key: 'completed', label: 'Dự án đã triển khai' },
];


const useStyles = makeStyles({
  progress: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

interface Props {
  host: WorkbookHost;
  engine: Engine;
  settings: PaneSettings;
  onSettings: (s: PaneSettings) => void;
}

/** Fills the form from a plan (sample or input sheet) where the stored settings say nothing. */
function formFrom(plan: Plan, st: PaneSettings) {
  return {
    title: st.title ?? plan.meta.title,
    attachedTo: st.attachedTo ?? plan.meta.attachedTo ?? '',
    unit: (st.unit as Unit | undefined) ?? plan.meta.unit,
    yearFrom: String(st.yearFrom ?? plan.years?.from ?? ''),
    yearTo: String(st.yearTo ?? plan.years?.to ?? ''),
    sources: (st.sources ?? plan.sources.map((x) => x.code)).join(', '),
    preset: (st.preset as LayoutPreset | undefined) ?? plan.preset ?? (plan.years ? 'medium-term' : 'flat'),
  };
}

export function BuildTab({ host, engine, settings, onSettings }: Props) {
  const t = useTabStyles();
  const s = useStyles();
  const [source, setSource] = React.useState<'input' | 'sample'>('sample');
  const [inputSheet, setInputSheet] = React.useState<string | null>(null);
  const [form, setForm] = React.useState<ReturnType<typeof formFrom> | null>(null);
  const [busy, setBusy] = React.useState(false);
  const [progress, setProgress] = React.useState<number | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [done, setDone] = React.useState<string | null>(null);
  const [inputProblem, setInputProblem] = React.useState<string | null>(null);
  const [warnings, setWarnings] = React.useState<string[]>([]);

  // Is there an input sheet (the active sheet if it is one, else the one named in the settings / "Nhập liệu")?
  React.useEffect(() => {
    let live = true;
    void (async () => {
      try {
        const names = await host.sheetNames();
        const active = await host.activeSheetName();
        const candidates = [active, settings.inputSheet, INPUT_SHEET].filter((n): n is string => !!n && names.includes(n));
        for (const name of candidates) {
          let plan: Plan | undefined;
          try {
            plan = engine.planFromInput(await host.readSheet(name));
          } catch (e) {
            // an input sheet that cannot be read yet (empty, a bad cell): say why, offer the sample meanwhile
            if (live) setInputProblem(messageOf(e));
            continue;
          }
          if (plan && live) {
            setInputSheet(name);
            setInputProblem(null);
            setSource('input');
            setForm(formFrom(plan, settings));
            return;
          }
        }
        const sample = await engine.samplePlan();
        if (live) setForm(formFrom(sample, settings));
      } catch (e) {
        if (live) setForm((f) => f ?? formFrom(EMPTY_PLAN, settings));
        if (live) setError(messageOf(e));
      }
    })();
    return () => { live = false; };
  }, [host, engine, settings]);

  if (!form) return <div className={t.tab}><Spinner size="tiny" label="Đang đọc dữ liệu…" /><ErrorBar error={error} /></div>;
  const set = (k: keyof typeof form) => (_: unknown, d: { value: string }) => setForm((f) => f && ({ ...f, [k]: d.value }));
  const yearErr = (v: string) => (v.trim() === '' || /^\d{4}$/.test(v.trim()) ? undefined : 'Năm gồm 4 chữ số, ví dụ 2021.');
  const spanErr = !yearErr(form.yearFrom) && !yearErr(form.yearTo) && form.yearFrom && form.yearTo && parseInt(form.yearFrom, 10) > parseInt(form.yearTo, 10)
    ? 'Năm bắt đầu phải trước năm kết thúc.' : undefined;
  const titleErr = form.title.trim() ? undefined : 'Cần có tên phụ lục.';
  const invalid = !!(yearErr(form.yearFrom) || yearErr(form.yearTo) || spanErr || titleErr);

  const generate = async () => {
    setBusy(true);
    setError(null);
    setDone(null);
    setWarnings([]);
    setProgress(0);
    try {
      const plan = source === 'input' && inputSheet ? engine.planFromInput(await host.readSheet(inputSheet)) : await engine.samplePlan();
      if (!plan) throw new Error(`Trang “${inputSheet}” không còn là trang nhập liệu hợp lệ.`);
      const opts: BuildOptions = {
        preset: form.preset,
        title: form.title.trim(),
        attachedTo: form.attachedTo.trim() || undefined,
        unit: form.unit,
        yearFrom: form.yearFrom ? parseInt(form.yearFrom, 10) : undefined,
        yearTo: form.yearTo ? parseInt(form.yearTo, 10) : undefined,
        sources: form.sources.split(/[,;]/).map((x) => x.trim()).filter(Boolean),
      };
      const spec = engine.layout(plan, opts);
      const notes: string[] = [];
      const name = await host.writeNewSheet(spec, (p) => setProgress(p.rowsTotal ? p.rowsWritten / p.rowsTotal : 1), (w) => notes.push(w));
      setWarnings(notes);
      const next: PaneSettings = {
        ...settings, title: opts.title, attachedTo: opts.attachedTo, unit: opts.unit, yearFrom: opts.yearFrom, yearTo: opts.yearTo,
        sources: opts.sources, preset: opts.preset, ...(inputSheet ? { inputSheet } : {}),
      };
      onSettings(next);
      setDone(name);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };

  return (
    <div className={t.tab}>
      <Field label="Lấy dữ liệu từ">
        <RadioGroup value={source} onChange={(_, d) => setSource(d.value as 'input' | 'sample')}>
          <Radio value="input" disabled={!inputSheet} label={inputSheet ? `Trang “${inputSheet}”` : 'Trang nhập liệu (chưa có: tạo ở thẻ Nhập liệu)'} />
          <Radio value="sample" label="Dữ liệu mẫu: Sóc Trăng 2021-2025" />
        </RadioGroup>
      </Field>
      {inputProblem && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Trang nhập liệu chưa dùng được</MessageBarTitle>
            {inputProblem}
          </MessageBarBody>
        </MessageBar>
      )}
      <Field label="Tên phụ lục" required validationState={titleErr ? 'error' : 'none'} validationMessage={titleErr}>
        <Textarea value={form.title} onChange={set('title')} resize="vertical" rows={2} />
      </Field>
      <Field label="Kèm theo" hint="Câu in nghiêng trong ngoặc, dưới tên phụ lục.">
        <Textarea value={form.attachedTo} onChange={set('attachedTo')} resize="vertical" rows={2} />
      </Field>
      <div className={t.row}>
        <Field label="Đơn vị tính" className={t.grow}>
          <Dropdown value={form.unit} selectedOptions={[form.unit]} onOptionSelect={(_, d) => d.optionValue && setForm((f) => f && ({ ...f, unit: d.optionValue as Unit }))}>
            {UNITS.map((u) => <Option key={u} value={u}>{u}</Option>)}
          </Dropdown>
        </Field>
        <Field label="Từ năm" className={t.narrow} validationState={yearErr(form.yearFrom) || spanErr ? 'error' : 'none'} validationMessage={yearErr(form.yearFrom) ?? spanErr}>
          <Input className={t.full} value={form.yearFrom} onChange={set('yearFrom')} inputMode="numeric" />
        </Field>
        <Field label="Đến năm" className={t.narrow} validationState={yearErr(form.yearTo) ? 'error' : 'none'} validationMessage={yearErr(form.yearTo)}>
          <Input className={t.full} value={form.yearTo} onChange={set('yearTo')} inputMode="numeric" />
        </Field>
      </div>
      <Field label="Nguồn vốn (mã, cách nhau bởi dấu phẩy)" hint="Ví dụ: NSĐP, NSTW, ĐTPT">
        <Input className={t.full} value={form.sources} onChange={set('sources')} />
      </Field>
      <Field label="Mẫu trình bày">
        <Dropdown
          value={PRESETS.find((p) => p.key === form.preset)?.label ?? ''}
          selectedOptions={[form.preset]}
          onOptionSelect={(_, d) => d.optionValue && setForm((f) => f && ({ ...f, preset: d.optionValue as LayoutPreset }))}
        >
          {PRESETS.map((p) => <Option key={p.key} value={p.key}>{p.label}</Option>)}
        </Dropdown>
      </Field>
      <div className={t.row}>
        <Button appearance="primary" onClick={() => void generate()} disabled={busy || invalid} data-testid="generate">
          Tạo phụ lục
        </Button>
        <Text className={t.hint}>Tạo trang mới; không ghi đè trang nào.</Text>
      </div>
      {progress !== null && (
        <div className={s.progress}>
          <ProgressBar value={progress} thickness="large" />
          <Text className={t.hint}>Đang ghi… {Math.round(progress * 100)}%</Text>
        </div>
      )}
      <ErrorBar error={error} title="Không tạo được phụ lục" />
      {done && (
        <MessageBar intent="success" layout="multiline" data-testid="build-done">
          <MessageBarBody>
            <MessageBarTitle>Đã tạo trang “{done}”</MessageBarTitle>
            Trang mới đang được mở. Bấm Kiểm tra để soát lại.
          </MessageBarBody>
        </MessageBar>
      )}
      {warnings.map((w) => (
        <MessageBar key={w} intent="warning" layout="multiline"><MessageBarBody>{w}</MessageBarBody></MessageBar>
      ))}
    </div>
  );
}
