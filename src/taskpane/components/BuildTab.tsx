import * as React from 'react';
import {
  Button, Dropdown, Field, Input, Option, ProgressBar, Radio, RadioGroup, Textarea, Text, MessageBar, MessageBarBody,
  MessageBarTitle, Spinner, makeStyles, tokens,
} from '@fluentui/react-components';
import type { PaneSettings, WorkbookHost } from '../../office/host';
import type { Engine, BuildOptions } from '../engine';
import type { LayoutPreset, Plan, Unit } from '../../core/plan/model';
import { UNITS } from '../../core/plan/model';
import { ErrorBar, LiveRegion, messageOf, useShowOutcome, useTabStyles } from './common';
import { useInputSheet } from './useInputSheet';
import { WordDownload } from './WordDownload';
import type { SheetSpec } from '../../core/layout/sheetspec';
import { PRESET_LABELS } from '../../core/plan/settings';
import { sentenceOf } from '../format';

const EMPTY_PLAN: Plan = { meta: { title: '', unit: 'triệu đồng' }, sources: [], nodes: [] };

/** The presets in core's order and names (core/plan/settings.ts), with what each one shows. */
const PRESET_HINTS: Record<LayoutPreset, string> = {
  'medium-term': 'phân kỳ theo năm và nguồn vốn',
  annual: 'tổng mức đầu tư và kinh phí năm',
  flat: 'không chia nhóm',
  completed: 'dự án đã triển khai',
};
export const PRESETS: { key: LayoutPreset; label: string }[] = (Object.keys(PRESET_LABELS) as LayoutPreset[])
  .map((key) => ({ key, label: `${PRESET_LABELS[key]}: ${PRESET_HINTS[key]}` }));


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

type Form = ReturnType<typeof formFrom>;

/** The form's fields: title, "Kèm theo", unit, years, sources, preset. */
function BuildFields({ form, setForm, yearErr, spanErr, titleErr, srcErr }: {
  form: Form;
  setForm: React.Dispatch<React.SetStateAction<Form | null>>;
  yearErr: (v: string) => string | undefined;
  spanErr: string | undefined;
  titleErr: string | undefined;
  srcErr: string | undefined;
}) {
  const t = useTabStyles();
  const set = (k: keyof Form) => (_: unknown, d: { value: string }) => setForm((f) => f && ({ ...f, [k]: d.value }));
  return (
    <>
      <Field label="Tên phụ lục" required validationState={titleErr ? 'error' : 'none'} validationMessage={titleErr}>
        <Textarea value={form.title} onChange={set('title')} resize="vertical" rows={2} />
      </Field>
      <Field label="Kèm theo" hint="Câu in nghiêng trong ngoặc, dưới tên phụ lục.">
        <Textarea value={form.attachedTo} onChange={set('attachedTo')} resize="vertical" rows={2} />
      </Field>
      <div className={t.fields}>
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
      <Field label="Nguồn vốn (mã, cách nhau bởi dấu phẩy)" hint="Ví dụ: NSĐP, NSTW, ĐTPT" validationState={srcErr ? 'error' : 'none'} validationMessage={srcErr}>
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
    </>
  );
}

/** What is wrong with the form as typed, field by field (the messages under the fields). */
function formProblems(form: Form, engine: Engine) {
  const yearErr = (v: string) => (v.trim() === '' || /^\d{4}$/.test(v.trim()) ? undefined : 'Năm gồm 4 chữ số, ví dụ 2021.');
  const bothYears = form.yearFrom.trim() !== '' && form.yearTo.trim() !== '';
  // the span follows the one rule of the application layer (the command line's too)
  const oneYear = !bothYears && (form.yearFrom.trim() !== '' || form.yearTo.trim() !== '');
  const spanErr = oneYear ? 'Nhập cả hai năm, hoặc để trống cả hai.'
    : !yearErr(form.yearFrom) && !yearErr(form.yearTo) && bothYears ? sentenceOf(engine.yearsProblem(form.yearFrom, form.yearTo)) : undefined;
  const titleErr = form.title.trim() ? undefined : 'Cần có tên phụ lục.';
  // empty: the plan's sources; otherwise the one rule of the application layer, said as typed (as on Nhập liệu)
  const srcErr = form.sources.trim() ? sentenceOf(engine.sourcesProblem(form.sources)) : undefined;
  const invalid = !!(yearErr(form.yearFrom) || yearErr(form.yearTo) || spanErr || titleErr || srcErr);
  return { yearErr, bothYears, spanErr, titleErr, srcErr, invalid };
}

/** "Đã tạo trang …" and the optional steps that did not take. */
function BuildOutcome({ done, warnings, outRef }: { done: string | null; warnings: string[]; outRef: React.RefObject<HTMLDivElement> }) {
  const t = useTabStyles();
  return (
    <div ref={outRef} tabIndex={-1} className={t.outcome} aria-label={done ? `Đã tạo trang “${done}”` : undefined}>
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

/** The input sheet's choice: named whenever it exists, said unusable while it cannot be read (the warning says why). */
function inputLabel(sheet: string | null, usable: boolean): string {
  if (!sheet) return 'Trang nhập liệu (chưa có: tạo ở thẻ Nhập liệu)';
  return usable ? `Trang “${sheet}”` : `Trang “${sheet}” (chưa dùng được, xem bên dưới)`;
}

export function BuildTab({ host, engine, settings, onSettings }: Props) {
  const t = useTabStyles();
  const s = useStyles();
  const input = useInputSheet(host, engine, settings);
  const [source, setSource] = React.useState<'input' | 'sample'>('sample');
  const [form, setForm] = React.useState<Form | null>(null);
  const [busy, setBusy] = React.useState(false);
  const [progress, setProgress] = React.useState<number | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [done, setDone] = React.useState<string | null>(null);
  const [built, setBuilt] = React.useState<SheetSpec | null>(null);
  const [warnings, setWarnings] = React.useState<string[]>([]);
  const [said, setSaid] = React.useState('');
  const outRef = React.useRef<HTMLDivElement>(null);
  const errRef = React.useRef<HTMLDivElement>(null);
  const show = useShowOutcome();

  // The form starts from the input sheet's plan when there is one, else from the sample.
  React.useEffect(() => {
    if (input.loading) return;
    let live = true;
    if (input.plan) {
      setSource('input');
      setForm(formFrom(input.plan, settings));
      return;
    }
    void engine.samplePlan()
      .then((sample) => { if (live) setForm(formFrom(sample, settings)); })
      .catch((e) => { if (live) { setForm((f) => f ?? formFrom(EMPTY_PLAN, settings)); setError(messageOf(e)); } });
    return () => { live = false; };
  }, [input, engine, settings]);

  if (!form) return <div className={t.tab}><Spinner size="tiny" label="Đang đọc dữ liệu…" /><ErrorBar error={error} /></div>;
  const { yearErr, bothYears, spanErr, titleErr, srcErr, invalid } = formProblems(form, engine);

  const generate = async () => {
    setBusy(true);
    setError(null);
    setDone(null);
    setBuilt(null);
    setWarnings([]);
    setProgress(0);
    try {
      const plan = source === 'input' && input.sheet && input.plan ? engine.planFromInput(await host.readSheet(input.sheet)) : await engine.samplePlan();
      const opts: BuildOptions = {
        preset: form.preset,
        title: form.title.trim(),
        // cleared: no "Kèm theo" line (undefined would bring back the plan's)
        attachedTo: form.attachedTo.trim(),
        unit: form.unit,
        years: bothYears ? `${form.yearFrom.trim()}-${form.yearTo.trim()}` : undefined,
        sources: form.sources,
      };
      const spec = engine.layout(plan, opts);
      const notes: string[] = [];
      const name = await host.writeNewSheet(spec, (p) => setProgress(p.rowsTotal ? p.rowsWritten / p.rowsTotal : 1), (w) => notes.push(w));
      setWarnings(notes);
      const codes = form.sources.split(/[,;]/).map((x) => x.trim()).filter(Boolean);
      const next: PaneSettings = {
        ...settings, title: opts.title, attachedTo: opts.attachedTo, unit: opts.unit,
        yearFrom: bothYears ? parseInt(form.yearFrom, 10) : undefined, yearTo: bothYears ? parseInt(form.yearTo, 10) : undefined,
        sources: codes, preset: opts.preset, ...(input.sheet ? { inputSheet: input.sheet } : {}),
      };
      onSettings(next);
      setDone(name);
      setBuilt({ ...spec, name });
      setSaid(`Đã tạo trang “${name}”.`);
      // focus and show the result, not the page
      show(outRef);
    } catch (e) {
      setError(messageOf(e));
      setSaid(`Không tạo được phụ lục: ${messageOf(e)}`);
      show(errRef);
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };

  return (
    <div className={t.tab}>
      <Field label="Lấy dữ liệu từ">
        <RadioGroup value={source} onChange={(_, d) => setSource(d.value as 'input' | 'sample')}>
          <Radio value="input" disabled={!input.plan} label={inputLabel(input.sheet, !!input.plan)} />
          <Radio value="sample" label="Dữ liệu mẫu: Sóc Trăng 2021-2025" />
        </RadioGroup>
      </Field>
      {input.problem && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Trang nhập liệu chưa dùng được</MessageBarTitle>
            {input.problem}
          </MessageBarBody>
        </MessageBar>
      )}
      <BuildFields form={form} setForm={setForm} yearErr={yearErr} spanErr={spanErr} titleErr={titleErr} srcErr={srcErr} />
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
      <div ref={errRef} tabIndex={-1} data-testid="build-error"><ErrorBar error={error} title="Không tạo được phụ lục" /></div>
      <LiveRegion text={said} />
      <BuildOutcome done={done} warnings={warnings} outRef={outRef} />
      {built && <WordDownload engine={engine} spec={built} />}
    </div>
  );
}
