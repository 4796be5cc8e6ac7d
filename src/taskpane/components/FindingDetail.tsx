import * as React from 'react';
import { Button, Caption1, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Finding } from '../../core/checks/findings';
import { FINDING_HELP, SEVERITY_LABEL } from '../messages';
import { parseIgnoreKey, type ReviewEntry } from '../findingOrder';
import { showValue } from '../format';
import { useTabStyles } from './common';

const useStyles = makeStyles({
  head: { display: 'flex', justifyContent: 'space-between', gap: tokens.spacingHorizontalS, alignItems: 'baseline' },
  title: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300 },
  muted: { color: tokens.colorNeutralForeground3 },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  help: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  ignored: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

/** The values of a finding: a text number shows the text as typed and the number it reads as. */
function Values({ f }: { f: Finding }) {
  const s = useStyles();
  if (f.code === 'TEXT_NUMBER') {
    return (
      <Caption1 className={s.muted}>
        Ô đang ghi chữ: “{f.actual}”{f.expected !== undefined && <> · đọc thành số: <b>{showValue(f.expected)}</b></>}
      </Caption1>
    );
  }
  if (f.expected === undefined && f.actual === undefined) return null;
  return (
    <Caption1 className={s.muted}>
      {f.expected !== undefined && <>Đúng là: <b>{showValue(f.expected)}</b></>}
      {f.expected !== undefined && f.actual !== undefined && ' · '}
      {f.actual !== undefined && <>Đang ghi: <b>{showValue(f.actual)}</b></>}
    </Caption1>
  );
}

/** The finding under review, like Excel's Error Checking box: title, cell, message, help, Trước / Sau / Bỏ qua. */
export function FindingDetail({ entry, position, count, onPrev, onNext, onIgnore }: {
  entry: ReviewEntry;
  position: number;
  count: number;
  onPrev: () => void;
  onNext: () => void;
  onIgnore: () => void;
}) {
  const t = useTabStyles();
  const s = useStyles();
  const [help, setHelp] = React.useState(false);
  const f = entry.finding;
  const h = FINDING_HELP[f.code];
  return (
    <section className={t.section} aria-labelledby="finding-current-title" data-testid="finding-current" data-cell={f.cell}>
      <div className={s.head}>
        <Text as="h2" id="finding-current-title" className={s.title} title={`Mã: ${f.code}`} data-code={f.code}>{h.title}</Text>
        <Caption1 className={s.muted}>{position}/{count}</Caption1>
      </div>
      <Caption1>
        {SEVERITY_LABEL[f.severity]}{f.cell ? ` · ô ${f.cell}` : ''}{f.sheet ? ` · trang “${f.sheet}”` : ''}
        {entry.root && ` · hệ quả của lỗi ở ô ${entry.root.cell}`}
      </Caption1>
      <Text>{f.message}</Text>
      <Values f={f} />
      {help && (
        <div className={s.help} data-testid="finding-help">
          <Text><b>Ý nghĩa:</b> {h.meaning}</Text>
          <Text><b>Cách sửa:</b> {h.fix}</Text>
        </div>
      )}
      <div className={s.buttons}>
        <Button size="small" onClick={onPrev} disabled={position <= 1}>Trước</Button>
        <Button size="small" onClick={onNext} disabled={position >= count}>Sau</Button>
        <Button size="small" onClick={onIgnore}>Bỏ qua</Button>
        <Button size="small" appearance="subtle" aria-expanded={help} onClick={() => setHelp((x) => !x)}>Trợ giúp</Button>
      </div>
    </section>
  );
}

/** The findings ignored in this workbook, each one restorable. */
export function IgnoredList({ ignored, onRestore }: { ignored: string[]; onRestore: (keys: string[], said: string) => void }) {
  const t = useTabStyles();
  const s = useStyles();
  const ref = React.useRef<HTMLElement>(null);
  if (ignored.length === 0) return null;
  return (
    <section className={t.section} aria-labelledby="ignored-title" data-testid="ignored-list" ref={ref} tabIndex={-1}>
      <Text as="h2" id="ignored-title" className={s.title}>Đã bỏ qua ({ignored.length})</Text>
      <Caption1 className={s.muted}>Lưu trong sổ tính; các mục này không hiện trong danh sách cho đến khi khôi phục.</Caption1>
      {ignored.map((k) => {
        const { code, sheet, cell } = parseIgnoreKey(k);
        const title = FINDING_HELP[code as Finding['code']]?.title ?? code;
        return (
          <div key={k} className={s.ignored} data-ignored={k}>
            <Text>{title} · ô {cell || '—'} · trang “{sheet}”</Text>
            <Button size="small" aria-label={`Khôi phục ${title} ô ${cell}`} onClick={() => {
              ref.current?.focus();
              onRestore(ignored.filter((x) => x !== k), `Đã khôi phục “${title}” ở ô ${cell || '—'}.`);
            }}>Khôi phục</Button>
          </div>
        );
      })}
    </section>
  );
}
