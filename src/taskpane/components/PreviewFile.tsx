/**
 * The preview's file commands: open an .xlsx (button or drop on the preview) and download the preview's workbook
 * as .xlsx. The xlsx code loads on first use (xlsxBrowser.ts, a separate chunk).
 */
import * as React from 'react';
import { Button, Text, tokens } from '@fluentui/react-components';
import type { PreviewHost } from '../../office/previewHost';
import { MAX_FILE_BYTES } from '../../core/base/zipPackage';

const FILE_TOO_LARGE = `tệp quá lớn (${Math.round(MAX_FILE_BYTES / 1048576)} MB là giới hạn kích thước tệp mở được, như ở dòng lệnh)`;

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Opens a dropped or picked file into the preview; returns the error message, if any. */
export async function openInto(host: PreviewHost, file: File): Promise<string | undefined> {
  try {
    // the size first: a huge file is refused before it is read into memory
    if (file.size > MAX_FILE_BYTES) throw new Error(FILE_TOO_LARGE);
    const { readXlsx } = await import(/* webpackChunkName: "xlsx" */ '../xlsxBrowser');
    host.replaceSheets(await readXlsx(await file.arrayBuffer()), file.name);
    return undefined;
  } catch (e) {
    return `Không mở được tệp “${file.name}”: ${messageOf(e)}`;
  }
}

export function PreviewFile({ host, onError }: { host: PreviewHost; onError: (m: string | undefined) => void }) {
  const input = React.useRef<HTMLInputElement | null>(null);
  const [busy, setBusy] = React.useState(false);
  const pick = async (files: FileList | null) => {
    const f = files?.[0];
    if (!f) return;
    setBusy(true);
    onError(await openInto(host, f));
    setBusy(false);
    if (input.current) input.current.value = '';
  };
  const download = async () => {
    setBusy(true);
    try {
      const { writeXlsx } = await import(/* webpackChunkName: "xlsx" */ '../xlsxBrowser');
      const bytes = await writeXlsx(host.state().sheets);
      const url = URL.createObjectURL(new Blob([bytes], { type: XLSX_TYPE }));
      const a = document.createElement('a');
      a.href = url;
      a.download = 'danh-muc.xlsx';
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      onError(undefined);
    } catch (e) {
      onError(`Không tải được tệp: ${messageOf(e)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <span style={{ display: 'inline-flex', gap: tokens.spacingHorizontalS, alignItems: 'center' }}>
      <input ref={input} type="file" accept=".xlsx" hidden data-testid="open-xlsx-input" onChange={(e) => void pick(e.target.files)} />
      <Button size="small" disabled={busy} onClick={() => input.current?.click()} data-testid="open-xlsx">Mở tệp .xlsx…</Button>
      <Button size="small" disabled={busy} onClick={() => void download()} data-testid="download-xlsx">Tải về .xlsx</Button>
      {busy && <Text size={200}>Đang xử lý…</Text>}
    </span>
  );
}

/** Drop an .xlsx on the preview to open it: the drop target's props and the last file error. */
export function usePreviewDrop(host: PreviewHost) {
  const [error, setError] = React.useState<string | undefined>();
  const dropProps = {
    onDragOver: (e: React.DragEvent) => e.preventDefault(),
    onDrop: (e: React.DragEvent) => {
      e.preventDefault();
      const f = e.dataTransfer.files[0];
      if (f) void openInto(host, f).then(setError);
    },
  };
  return { error, setError, dropProps };
}
