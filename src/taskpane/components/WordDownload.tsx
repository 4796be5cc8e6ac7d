/** "Tải về Word": the appendix just built, downloaded as a .docx (the same layout as the sheet; engine.wordBytes). */
import * as React from 'react';
import { Button, Spinner } from '@fluentui/react-components';
import type { SheetSpec } from '../../core/layout/sheetspec';
import type { Engine } from '../engine';
import { ErrorBar, messageOf, useTabStyles } from './common';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** "Phụ lục 02 (2)" → "Phụ lục 02 (2).docx", without characters file systems refuse. */
export function docxFileName(sheet: string): string {
  const base = sheet.normalize('NFC').replace(/[\\/:*?"<>|\p{Cc}]+/gu, '-').trim() || 'phu-luc';
  return `${base}.docx`;
}

export function WordDownload({ engine, spec }: { engine: Engine; spec: SheetSpec }) {
  const t = useTabStyles();
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<string | null>(null);
  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      const bytes = await engine.wordBytes(spec);
      const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: DOCX_TYPE }));
      const a = document.createElement('a');
      a.href = url;
      a.download = docxFileName(spec.name);
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <div className={t.row}>
        <Button disabled={busy} onClick={() => void download()} data-testid="download-docx">Tải về Word (.docx)</Button>
        {busy && <Spinner size="tiny" label="Đang tạo tệp Word…" />}
      </div>
      <ErrorBar error={error} title="Không tạo được tệp Word" />
    </>
  );
}
