import * as React from 'react';
import {
  FluentProvider, webLightTheme, Text, MessageBar, MessageBarBody, makeStyles, tokens,
} from '@fluentui/react-components';
import type { PaneSettings, WorkbookHost } from '../../office/host';
import type { PreviewHost } from '../../office/previewHost';
import type { Engine } from '../engine';
import { CheckTab } from './CheckTab';
import { BuildTab } from './BuildTab';
import { InputTab } from './InputTab';
import { PreviewWorkbook } from './PreviewWorkbook';
import { messageOf } from './common';
import { PaneTabs } from './PaneTabs';
import { PreviewBanner } from './PreviewBanner';
import { onPaneRequest } from '../commands';

export type TabKey = 'check' | 'build' | 'input';

const TABS: { key: TabKey; label: string }[] = [
  { key: 'check', label: 'Kiểm tra' }, { key: 'build', label: 'Tạo phụ lục' }, { key: 'input', label: 'Nhập liệu' },
];

/**
 * The provider's own className is copied onto the popup layer of every Dropdown (applyStylesToPortals), a layer
 * pinned over the page: a size or background there turns the whole pane white. Its height is an inline style.
 */
const PROVIDER_STYLE: React.CSSProperties = { height: '100%' };

const useStyles = makeStyles({
  shell: { display: 'flex', height: '100%', minHeight: 0, gap: tokens.spacingHorizontalL, boxSizing: 'border-box' },
  shellPreview: {
    padding: tokens.spacingHorizontalL, backgroundColor: tokens.colorNeutralBackground2,
    // a narrow window (the size of Excel's task pane): the pane on top, the workbook below
    '@media (max-width: 899px)': { flexDirection: 'column', padding: tokens.spacingHorizontalS, gap: tokens.spacingVerticalS },
  },
  pane: {
    display: 'flex', flexDirection: 'column', minHeight: 0, width: '100%', boxSizing: 'border-box',
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`, overflowY: 'auto',
    backgroundColor: tokens.colorNeutralBackground1,
    '& > *': { flexShrink: 0 },
    // a long unbroken text (a file name, a code, a pasted cell) breaks where it must instead of running out of the pane
    overflowWrap: 'anywhere',
  },
  panePreview: {
    width: '380px', flexShrink: 0, borderRadius: tokens.borderRadiusMedium, border: `1px solid ${tokens.colorNeutralStroke2}`,
    boxShadow: tokens.shadow4,
    '@media (max-width: 899px)': { width: '100%', height: '60%' },
  },
  header: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, marginBottom: tokens.spacingVerticalS },
  logo: { width: '24px', height: '24px' },
  title: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  workbook: { flexGrow: 1, minWidth: 0, minHeight: 0, '@media (max-width: 899px)': { height: '40%' } },
  tabs: { marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})` },
});

interface Props {
  host: WorkbookHost;
  engine: Engine;
  /** set in preview mode: the workbook shown beside the pane */
  preview?: { host: PreviewHost; reason: string };
  initialTab?: TabKey;
  autoCheck?: boolean;
}

export function App({ host, engine, preview, initialTab = 'check', autoCheck }: Props) {
  const s = useStyles();
  const [tab, setTab] = React.useState<TabKey>(initialTab);
  const [settings, setSettings] = React.useState<PaneSettings | null>(null);
  const [settingsError, setSettingsError] = React.useState<string | null>(null);
  // ribbon "Kiểm tra" (shared runtime): each request remounts the check tab, which then checks at once
  const [checkRequests, setCheckRequests] = React.useState(0);

  React.useEffect(() => onPaneRequest((r) => {
    setTab(r);
    if (r === 'check') setCheckRequests((n) => n + 1);
  }), []);

  React.useEffect(() => {
    host.loadSettings().then((st) => setSettings(st ?? {}), (e) => { setSettings({}); setSettingsError(messageOf(e)); });
  }, [host]);

  const saveSettings = React.useCallback((st: PaneSettings) => {
    setSettings(st);
    host.saveSettings(st).catch((e) => setSettingsError(messageOf(e)));
  }, [host]);

  const pane = (
    <main className={`${s.pane} ${preview ? s.panePreview : ''}`} aria-label="Ngăn Danh mục">
      <header className={s.header}>
        <img className={s.logo} src="assets/app-32.png" alt="" />
        <Text className={s.title} as="h1">Danh mục dự án</Text>
      </header>
      {preview && <PreviewBanner host={preview.host} reason={preview.reason} />}
      {settingsError && (
        <MessageBar intent="error"><MessageBarBody>{settingsError}</MessageBarBody></MessageBar>
      )}
      <PaneTabs className={s.tabs} selected={tab} onSelect={setTab} tabs={TABS}>
        {settings && tab === 'check' && <CheckTab key={checkRequests} host={host} engine={engine} autoRun={autoCheck || checkRequests > 0} settings={settings} onSettings={saveSettings} />}
        {settings && tab === 'build' && <BuildTab host={host} engine={engine} settings={settings} onSettings={saveSettings} />}
        {settings && tab === 'input' && <InputTab host={host} engine={engine} settings={settings} onSettings={saveSettings} />}
      </PaneTabs>
    </main>
  );

  return (
    <FluentProvider theme={webLightTheme} style={PROVIDER_STYLE} lang="vi">
      {preview ? (
        <div className={`${s.shell} ${s.shellPreview}`}>
          {pane}
          <div className={s.workbook}><PreviewWorkbook host={preview.host} /></div>
        </div>
      ) : pane}
    </FluentProvider>
  );
}
