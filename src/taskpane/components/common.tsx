import * as React from 'react';
import { makeStyles, tokens, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { sentence, showValue } from '../format';

export const useTabStyles = makeStyles({
  tab: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: `${tokens.spacingVerticalM} 0` },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-end', flexWrap: 'wrap' },
  /** fields side by side: their tops aligned, so that a hint or message under one does not lift its box */
  fields: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-start', flexWrap: 'wrap' },
  grow: { flexGrow: 1, minWidth: '120px' },
  narrow: { width: '96px', flexShrink: 0 },
  /** an Input filling its Field */
  full: { width: '100%', minWidth: 0 },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  section: {
    display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalM,
    border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  /** a result block focused after an action */
  outcome: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, outline: 'none' },
  sectionTitle: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300 },
});

export function ErrorBar({ error, title = 'Không thực hiện được' }: { error: string | null; title?: string }) {
  if (!error) return null;
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {sentence(error)}
      </MessageBarBody>
    </MessageBar>
  );
}

/** The Vietnamese message of any error caught at the UI boundary (ErrorBar shows it as a sentence). */
export function messageOf(e: unknown): string {
  if (e instanceof Error && e.message) return e.message;
  return 'Đã xảy ra lỗi không mong đợi.';
}

const useLiveStyles = makeStyles({
  // visually hidden, still read by screen readers
  hidden: {
    position: 'absolute', width: '1px', height: '1px', margin: '-1px', padding: 0, overflow: 'hidden',
    clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap', border: 0,
  },
});

/** A polite live region: what the last action did, announced by screen readers. */
export function LiveRegion({ text }: { text: string }) {
  const s = useLiveStyles();
  return <div role="status" aria-live="polite" className={s.hidden} data-testid="live">{text}</div>;
}

/**
 * Focus (and scroll to) an action's outcome once React has rendered it: `show(ref)` after setting the outcome's state
 * moves the focus there in the commit that shows it, never to the page.
 */
export function useShowOutcome(): (ref: React.RefObject<HTMLElement>, block?: ScrollLogicalPosition) => void {
  const [req, setReq] = React.useState<{ ref: React.RefObject<HTMLElement>; block: ScrollLogicalPosition } | null>(null);
  React.useEffect(() => {
    const el = req?.ref.current;
    if (!el) return;
    el.focus({ preventScroll: true });
    el.scrollIntoView({ block: req.block });
  }, [req]);
  return React.useCallback((ref, block = 'nearest') => setReq({ ref, block }), []);
}

/**
 * A Field's validation and hint for an amount typed in it (Engine.readAmount's answer, null when empty): its error
 * as the message, else "Đọc là …" with the number it reads as (`reads` words the hint otherwise).
 */
export function amountField(read: { value: string; unit?: string } | { error: string } | null,
  reads: (r: { value: string; unit?: string }) => string = (r) => `Đọc là ${showValue(r.value)}`,
): { validationState: 'error' | 'none'; validationMessage?: string; hint?: string } {
  if (!read) return { validationState: 'none' };
  if ('error' in read) return { validationState: 'error', validationMessage: read.error };
  return { validationState: 'none', hint: reads(read) };
}
