/**
 * The review's two filters, Fluent UI Dropdowns (mouse and keyboard): the severity (Tất cả / Lỗi / Cảnh báo /
 * Thông tin) and the kind of finding (its Vietnamese title, the code in a tooltip), each choice with its count.
 */
import * as React from 'react';
import { Dropdown, Field, Option, makeStyles, tokens } from '@fluentui/react-components';
import { FINDING_CODES, type FindingCode, type Severity } from '../../core/checks/findings';
import { FINDING_HELP, SEVERITY_LABEL } from '../messages';
import { SEVERITIES, type FilterCounts } from '../findingOrder';

const useStyles = makeStyles({
  tools: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-end', flexWrap: 'wrap' },
  severity: { width: '132px', minWidth: 0, flexShrink: 0 },
  code: { flexGrow: 1, flexBasis: '150px', minWidth: 0 },
  dropdown: { minWidth: 0, width: '100%' },
});

export interface FilterValue {
  severity: Severity | '';
  code: FindingCode | '';
}

/** "Lỗi (3)": a choice and how many findings it shows. */
export function severityChoice(severity: Severity | '', counts: FilterCounts): string {
  return severity ? `${SEVERITY_LABEL[severity]} (${counts.severity[severity]})` : `Tất cả (${counts.all})`;
}

export function codeChoice(code: FindingCode | '', counts: FilterCounts): string {
  if (!code) return `Mọi loại (${counts.inSeverity})`;
  return `${FINDING_HELP[code].title} (${counts.codes.find(([c]) => c === code)?.[1] ?? 0})`;
}

export function ReviewFilters({ value, counts, onChange }: {
  value: FilterValue;
  counts: FilterCounts;
  onChange: (v: FilterValue) => void;
}) {
  const s = useStyles();
  const severities: (Severity | '')[] = ['', ...SEVERITIES];
  return (
    <div className={s.tools} data-testid="review-filters">
      <Field label="Mức độ" size="small" className={s.severity}>
        <Dropdown
          size="small" className={s.dropdown} data-testid="severity-filter"
          value={severityChoice(value.severity, counts)} selectedOptions={[value.severity]}
          onOptionSelect={(_, d) => {
            const severity = (d.optionValue ?? '') as Severity | '';
            // a kind of another severity would show nothing: back to every kind
            onChange({ severity, code: value.code && severity && FINDING_CODES[value.code] !== severity ? '' : value.code });
          }}
        >
          {severities.map((v) => <Option key={v || 'all'} value={v}>{severityChoice(v, counts)}</Option>)}
        </Dropdown>
      </Field>
      <Field label="Loại" size="small" className={s.code}>
        <Dropdown
          size="small" className={s.dropdown} data-testid="code-filter"
          value={codeChoice(value.code, counts)} selectedOptions={[value.code]}
          title={value.code ? `Mã: ${value.code}` : undefined}
          onOptionSelect={(_, d) => onChange({ ...value, code: (d.optionValue ?? '') as FindingCode | '' })}
        >
          <Option value="">{codeChoice('', counts)}</Option>
          {counts.codes.map(([c]) => (
            <Option key={c} value={c} title={`Mã: ${c}`} data-code={c}>{codeChoice(c, counts)}</Option>
          ))}
        </Dropdown>
      </Field>
    </div>
  );
}
