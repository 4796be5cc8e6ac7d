import * as React from 'react';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  list: { display: 'flex', gap: tokens.spacingHorizontalXS, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  tab: {
    border: 'none', background: 'none', cursor: 'pointer', fontFamily: 'inherit', fontSize: tokens.fontSizeBase300,
    color: tokens.colorNeutralForeground2, padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderBottom: '3px solid transparent', borderRadius: `${tokens.borderRadiusMedium} ${tokens.borderRadiusMedium} 0 0`,
    ':hover': { color: tokens.colorNeutralForeground1, backgroundColor: tokens.colorSubtleBackgroundHover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  selected: { color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightSemibold, borderBottomColor: tokens.colorCompoundBrandStroke },
  panel: { display: 'flex', flexDirection: 'column', outline: 'none' },
});

/**
 * The pane's tabs (WAI-ARIA tabs: one Tab stop, arrow keys, Home / End). Not Fluent's TabList: its arrow-key focus
 * helper adds focusable aria-hidden elements around the list (axe: aria-hidden-focus).
 */
export function PaneTabs<K extends string>({ tabs, selected, onSelect, className, children }: {
  tabs: { key: K; label: string }[];
  selected: K;
  onSelect: (k: K) => void;
  className?: string;
  children: React.ReactNode;
}) {
  const s = useStyles();
  const refs = React.useRef(new Map<K, HTMLButtonElement>());
  const at = tabs.findIndex((t) => t.key === selected);
  const move = (i: number) => {
    const t = tabs[(i + tabs.length) % tabs.length];
    onSelect(t.key);
    refs.current.get(t.key)?.focus();
  };
  const onKey = (e: React.KeyboardEvent) => {
    const to: Record<string, number> = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tabs.length - 1 };
    if (e.key in to) { e.preventDefault(); move(to[e.key]); }
  };
  return (
    <>
      <div role="tablist" aria-label="Chức năng" className={mergeClasses(s.list, className)} onKeyDown={onKey}>
        {tabs.map((t) => (
          <button
            key={t.key} type="button" role="tab" id={`tab-${t.key}`} aria-selected={t.key === selected}
            aria-controls={`panel-${t.key}`} tabIndex={t.key === selected ? 0 : -1}
            className={mergeClasses(s.tab, t.key === selected && s.selected)}
            ref={(el) => { if (el) refs.current.set(t.key, el); else refs.current.delete(t.key); }}
            onClick={() => onSelect(t.key)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${selected}`} aria-labelledby={`tab-${selected}`} className={s.panel}>{children}</div>
    </>
  );
}
