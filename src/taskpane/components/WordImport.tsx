/**
 * "Mở tệp Word…": a Word plan's appendix table brought into a NEW sheet (the host picks a free name; no sheet is ever
 * overwritten) and checked there, with the total the text states carried along as the stated total. The Word code
 * loads on first use (engine.openWord, a separate chunk).
 */
import * as React from 'react';
import { Button, Field, MessageBar, MessageBarBody, Radio, RadioGroup, Spinner, Text } from '@fluentui/react-components';
import type { WorkbookHost } from '../../office/host';
import type { Engine, StatedInText, TableStatements, WordImport, WordTableChoice } from '../engine';
import { MAX_FILE_BYTES } from '../../core/base/zipPackage';
import { showValue } from '../format';
import { ErrorBar, messageOf, useTabStyles } from './common';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

interface Props {
  host: WorkbookHost;
  engine: Engine;
  /** the table is on the new sheet `sheet`: check it (with the text's stated total) */
  onImported: (sheet: string, stated?: StatedInText) => Promise<void>;
}

function tableLabel(t: WordTableChoice): string {
  const total = t.total !== undefined ? `, tổng ${showValue(t.total)}${t.unit ? ` ${t.unit}` : ''}` : '';
  return `${t.label}${t.heading ? ` (${t.heading})` : ''}: ${t.items} dự án, ${t.rows} dòng${total}`;
}

export function WordImportSection({ host, engine, onImported }: Props) {
  const t = useTabStyles();
  const input = React.useRef<HTMLInputElement | null>(null);
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<string | null>(null);
  const [opened, setOpened] = React.useState<WordImport | null>(null);
  const [chosen, setChosen] = React.useState<number | undefined>();

  const pick = async (files: FileList | null) => {
    const f = files?.[0];
    if (input.current) input.current.value = '';
    if (!f) return;
    setBusy(true);
    setError(null);
    setOpened(null);
    try {
      if (f.size > MAX_FILE_BYTES) throw new Error(`tệp quá lớn (${Math.round(MAX_FILE_BYTES / 1048576)} MB là giới hạn kích thước tệp mở được)`);
      const w = await engine.openWord(new Uint8Array(await f.arrayBuffer()), f.name);
      setOpened(w);
      setChosen(w.preferred);
    } catch (e) {
      setError(`Không mở được tệp “${f.name}”: ${messageOf(e)}`);
    } finally {
      setBusy(false);
    }
  };

  const bring = async () => {
    if (!opened || chosen === undefined) return;
    setBusy(true);
    setError(null);
    try {
      const sheet = await host.writeNewSheet(opened.sheetSpec(chosen));
      await onImported(sheet, opened.statedFor(chosen).total);
    } catch (e) {
      setError(`Không nhập được bảng: ${messageOf(e)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={t.section} data-testid="word-import">
      <Text className={t.sectionTitle}>Kế hoạch dạng Word</Text>
      <Text className={t.hint}>Đưa bảng phụ lục của tệp .docx vào một trang mới rồi kiểm tra; tổng nêu trong văn bản được đối chiếu.</Text>
      <input ref={input} type="file" accept={`.docx,${DOCX_TYPE}`} hidden data-testid="open-docx-input" onChange={(e) => void pick(e.target.files)} />
      <div className={t.row}>
        <Button disabled={busy} onClick={() => input.current?.click()} data-testid="open-docx">Mở tệp Word…</Button>
        {busy && <Spinner size="tiny" label="Đang xử lý…" />}
      </div>
      <ErrorBar error={error} />
      {opened && opened.tables.length === 0 && (
        <MessageBar intent="warning"><MessageBarBody>Không thấy bảng phụ lục nào trong “{opened.name}”.</MessageBarBody></MessageBar>
      )}
      {opened && opened.tables.length > 0 && (
        <>
          <Field label={`Bảng phụ lục trong “${opened.name}”`}>
            <RadioGroup value={chosen === undefined ? '' : String(chosen)} onChange={(_, d) => setChosen(Number(d.value))} data-testid="docx-tables">
              {opened.tables.map((x) => <Radio key={x.index} value={String(x.index)} label={tableLabel(x)} />)}
            </RadioGroup>
          </Field>
          {chosen !== undefined && <StatedLines stated={opened.statedFor(chosen)} />}
          <div className={t.row}>
            <Button appearance="primary" disabled={busy || chosen === undefined} onClick={() => void bring()} data-testid="import-docx">
              Nhập vào trang mới và kiểm tra
            </Button>
          </div>
        </>
      )}
    </div>
  );
}

/** What the text states for the chosen table: its total (checked against), and its year or source figures (listed). */
function StatedLines({ stated }: { stated: TableStatements }): JSX.Element {
  return (
    <div data-testid="docx-stated">
      <Text block>
        {stated.total ? `Tổng nêu trong văn bản cho bảng này: ${stated.total.text}, tại ${stated.total.where}.` : 'Văn bản không nêu tổng kinh phí của bảng này.'}
      </Text>
      {stated.others.length > 0 && (
        <Text block>
          {`Văn bản còn nêu cho bảng này (đối chiếu với cột tương ứng): ${stated.others.map((o) => `${o.what} ${o.text} (${o.where})`).join('; ')}.`}
        </Text>
      )}
    </div>
  );
}
