import * as React from 'react';
import {
  FluentProvider, webLightTheme, Button, Spinner, Text, MessageBar, MessageBarBody, makeStyles, tokens,
} from '@fluentui/react-components';

const useStyles = makeStyles({
  box: {
    display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, alignItems: 'flex-start',
    padding: tokens.spacingHorizontalL,
  },
});

interface Props {
  /** after this long without Excel, say so in more words */
  slowAfterMs: number;
  /** why Excel cannot be reached, when known (office.js failed to load) */
  failure?: string;
  onRetry: () => void;
}

/**
 * Inside Office, before Excel has answered: the pane never falls back to the sample workbook there (the officer
 * would take it for their own sheet); it waits, and offers "Thử lại".
 */
export function WaitingForExcel({ slowAfterMs, failure, onRetry }: Props) {
  const s = useStyles();
  const [slow, setSlow] = React.useState(false);
  React.useEffect(() => {
    const t = setTimeout(() => setSlow(true), slowAfterMs);
    return () => clearTimeout(t);
  }, [slowAfterMs]);
  return (
    <FluentProvider theme={webLightTheme} lang="vi">
      <main className={s.box} aria-label="Ngăn Danh mục" data-testid="waiting-for-excel">
        <Text as="h1" weight="semibold" size={400}>Danh mục dự án</Text>
        {failure ? (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>{failure} Ngăn chưa làm việc được với sổ tính đang mở.</MessageBarBody>
          </MessageBar>
        ) : (
          <Spinner size="small" labelPosition="after" label="Đang chờ Excel…" role="status" />
        )}
        {(slow || failure) && (
          <Text role="status">
            Excel chưa phản hồi. Hãy kiểm tra kết nối mạng, rồi bấm “Thử lại”; nếu vẫn vậy, đóng và mở lại ngăn Danh mục.
          </Text>
        )}
        <Button appearance="primary" onClick={onRetry}>Thử lại</Button>
      </main>
    </FluentProvider>
  );
}
