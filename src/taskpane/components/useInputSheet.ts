import * as React from 'react';
import type { PaneSettings, WorkbookHost } from '../../office/host';
import type { Plan } from '../../core/plan/model';
import type { Engine } from '../engine';
import { messageOf } from './common';

export interface InputSheetState {
  /** undefined while looking */
  loading: boolean;
  /** the input sheet found (active, remembered, "Nhập liệu", then any other) */
  sheet: string | null;
  /** its plan; null while it cannot be read (see problem) */
  plan: Plan | null;
  /** an input sheet that cannot be read yet (empty, a bad cell): why */
  problem: string | null;
}

/**
 * The workbook's input sheet, found the one way the command line finds it too (app/input.ts findInputSheet), and
 * read into a plan. Both the "Tạo phụ lục" and "Nhập liệu" tabs use it.
 */
export function useInputSheet(host: WorkbookHost, engine: Engine, settings: PaneSettings): InputSheetState {
  const [state, setState] = React.useState<InputSheetState>({ loading: true, sheet: null, plan: null, problem: null });
  React.useEffect(() => {
    let live = true;
    void (async () => {
      let next: InputSheetState = { loading: false, sheet: null, plan: null, problem: null };
      try {
        const names = await host.sheetNames();
        const active = await host.activeSheetName();
        const found = await engine.findInputSheet(names, (n) => host.readSheet(n), { active, remembered: settings.inputSheet });
        if (found) {
          // the sheet is named even when it cannot be read into a plan yet (the warning says why)
          next = { ...next, sheet: found.sheet };
          next = { ...next, plan: engine.planFromInput(found.grid) };
        }
      } catch (e) {
        next = { ...next, problem: messageOf(e) };
      }
      if (live) setState(next);
    })();
    return () => { live = false; };
  }, [host, engine, settings.inputSheet]);
  return state;
}

/**
 * The input sheet's name right now (the user may have renamed or filled it since), or a Vietnamese error — also when
 * the sheet cannot be read into a plan yet (no project entered, a bad cell), so that an edit never runs on it.
 */
export async function currentInputSheet(host: WorkbookHost, engine: Engine, settings: PaneSettings): Promise<string> {
  const names = await host.sheetNames();
  const active = await host.activeSheetName();
  const found = await engine.findInputSheet(names, (n) => host.readSheet(n), { active, remembered: settings.inputSheet });
  if (!found) throw new Error('Chưa có trang nhập liệu: hãy bấm “Tạo trang Nhập liệu” trước.');
  engine.planFromInput(found.grid);
  return found.sheet;
}
