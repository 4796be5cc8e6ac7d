import * as fs from 'fs';
import * as path from 'path';
import { Dec } from '../../../src/core/base/decimal';
import { PlanJsonError, jsonPath } from '../../../src/core/plan/planJson';
import { planToJson } from '../../../src/core/plan/planJsonWrite';
import { planFromJsonData, planFromJsonText } from '../../../src/app/planJson';
import type { Item, Group } from '../../../src/core/plan/model';

const SAMPLES = path.join(__dirname, '..', '..', '..', 'samples');
const sampleFiles = fs.readdirSync(SAMPLES).filter((f) => f.endsWith('.plan.json')).sort();
const readSample = (name: string): unknown => JSON.parse(fs.readFileSync(path.join(SAMPLES, name), 'utf8'));

function minimal(): Record<string, unknown> {
  return {
    meta: { title: 'Danh mục thử', unit: 'triệu đồng' },
    years: '2021-2022',
    sources: [{ code: 'NSĐP', label: 'Ngân sách địa phương' }],
    nodes: [
      {
        kind: 'group', tt: 'I', name: 'Nhóm một',
        children: [{ tt: '1', name: 'Dự án A', amounts: { years: { 2021: '1', 2022: 2 }, sources: { 'NSĐP': '3' } } }],
      },
    ],
  };
}

function expectError(data: unknown, pathText: string, reason?: RegExp): void {
  let err: unknown;
  try {
    planFromJsonData(data);
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(PlanJsonError);
  const e = err as PlanJsonError;
  expect(e.name).toBe('PlanJsonError');
  expect(e.path).toBe(pathText);
  expect(e.message.startsWith(`${pathText || '(tài liệu)'}: `)).toBe(true);
  if (reason) expect(e.message).toMatch(reason);
}

describe('samples', () => {
  it('has the five seed samples', () => {
    expect(sampleFiles).toEqual([
      'hau-giang-2019.plan.json', 'nghe-an-2021-2025.plan.json', 'soc-trang-2016-2020.plan.json',
      'soc-trang-2021-2025.plan.json', 'tra-vinh-2023.plan.json',
    ]);
  });
  it.each(sampleFiles)('%s validates, loads and round-trips through planToJson', (f) => {
    const data = readSample(f);
    const plan = planFromJsonData(data);
    expect(plan.nodes.length).toBeGreaterThan(0);
    const again = planFromJsonData(JSON.parse(JSON.stringify(planToJson(plan))));
    expect(planToJson(again)).toEqual(planToJson(plan));
  });
  it('Trà Vinh decimals load exactly', () => {
    const plan = planFromJsonData(readSample('tra-vinh-2023.plan.json'));
    const item3 = plan.nodes[2] as Item;
    expect(item3.amounts.totalInvestment?.toFixed()).toBe('4967.667');
    expect(item3.period).toEqual({ from: 2022, to: 2023 });
  });
  it('Sóc Trăng 2021-2025: six groups I-VI with 22 items', () => {
    const plan = planFromJsonData(readSample('soc-trang-2021-2025.plan.json'));
    expect(plan.nodes.map((n) => n.tt)).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI']);
    expect(plan.nodes.reduce((n, g) => n + (g as Group).children.length, 0)).toBe(22);
    expect(plan.years).toEqual({ from: 2021, to: 2025 });
    expect((plan.nodes[0] as Group).level).toBe(1);
  });
  it('Nghệ An: 28 items and the stated total in triệu đồng', () => {
    const plan = planFromJsonData(readSample('nghe-an-2021-2025.plan.json'));
    expect(plan.nodes).toHaveLength(28);
    expect(plan.statedTotals?.[0].value.toFixed()).toBe('1028960');
  });
});

describe('planFromJsonData', () => {
  it('loads amounts given as strings and numbers exactly', () => {
    const d = minimal();
    ((d.nodes as Record<string, unknown>[])[0].children as Record<string, unknown>[])[0].amounts = {
      years: { 2021: 0.1, 2022: '0.2' }, total: '0.3',
    };
    const item = (planFromJsonData(d).nodes[0] as Group).children[0] as Item;
    expect(item.amounts.years[2021].plus(item.amounts.years[2022]).eq(new Dec('0.3'))).toBe(true);
    expect(item.kind).toBe('item');
  });
  it('defaults group level by depth and accepts {from,to} spans', () => {
    const d = minimal();
    d.years = { from: 2021, to: 2022 };
    (d.nodes as Record<string, unknown>[])[0].children = [{ kind: 'group', tt: 'A', name: 'Nhóm con', children: [] }];
    const plan = planFromJsonData(d);
    expect(plan.years).toEqual({ from: 2021, to: 2022 });
    expect((plan.nodes[0] as Group).level).toBe(1);
    expect(((plan.nodes[0] as Group).children[0] as Group).level).toBe(2);
  });

  const bad: [string, (d: Record<string, unknown>) => unknown, string, RegExp][] = [
    ['not an object', () => 42, '', /đối tượng/],
    ['missing meta', (d) => { delete d.meta; return d; }, 'meta', /thiếu trường bắt buộc/],
    ['bad unit', (d) => { (d.meta as Record<string, unknown>).unit = 'USD'; return d; }, 'meta.unit', /một trong/],
    ['text amount', (d) => { item0(d).amounts = { years: { 2021: 'abc' } }; return d; }, 'nodes[0].children[0].amounts.years.2021', /phải là số/],
    ['NaN-like string', (d) => { item0(d).amounts = { years: { 2021: 'NaN' } }; return d; }, 'nodes[0].children[0].amounts.years.2021', /phải là số/],
    ['vi-VN formatted string', (d) => { item0(d).amounts = { total: '4.967,667' }; return d; }, 'nodes[0].children[0].amounts.total', /phải là số/],
    ['boolean amount', (d) => { item0(d).amounts = { total: true }; return d; }, 'nodes[0].children[0].amounts.total', /phải là số/],
    ['infinite number', (d) => { item0(d).amounts = { total: Infinity }; return d; }, 'nodes[0].children[0].amounts.total', /hữu hạn/],
    ['huge number', (d) => { item0(d).amounts = { total: 1e300 }; return d; }, 'nodes[0].children[0].amounts.total', /quá lớn/],
    ['year key not a year', (d) => { item0(d).amounts = { years: { abc: '1' } }; return d; }, 'nodes[0].children[0].amounts.years.abc', /năm/],
    ['unknown source', (d) => { item0(d).amounts = { sources: { XYZ: '1' } }; return d; }, 'nodes[0].children[0].amounts.sources.XYZ', /không có trong danh sách/],
    ['duplicate source', (d) => { (d.sources as unknown[]).push({ code: 'NSĐP', label: 'x' }); return d; }, 'sources[1].code', /trùng/],
    ['missing name', (d) => { delete item0(d).name; return d; }, 'nodes[0].children[0].name', /thiếu/],
    ['unknown field', (d) => { item0(d).colour = 'red'; return d; }, 'nodes[0].children[0].colour', /không có trong định dạng/],
    ['bad period', (d) => { item0(d).period = '2025-2021'; return d; }, 'nodes[0].children[0].period', /trước năm bắt đầu/],
    ['bad span text', (d) => { d.years = 'hai năm'; return d; }, 'years', /khoảng năm/],
    // The one year-span rule (plan/settings yearSpanProblem, base/limits YEARS): 1900-2200, at most 50 years.
    ['span longer than 50 years', (d) => { d.years = '2021-2071'; return d; }, 'years', /khoảng năm quá dài \(tối đa 50 năm\)/],
    ['period text before 1900', (d) => { item0(d).period = '1850-1855'; return d; }, 'nodes[0].children[0].period', /1900-2200/],
    ['group without children', (d) => { delete (d.nodes as Record<string, unknown>[])[0].children; return d; }, 'nodes[0].children', /thiếu/],
    ['nodes not an array', (d) => { d.nodes = {}; return d; }, 'nodes', /danh sách/],
    ['groups three deep', (d) => {
      (d.nodes as Record<string, unknown>[])[0].children = [{ kind: 'group', tt: 'A', name: 'a', children: [{ kind: 'group', tt: 'x', name: 'b', children: [] }] }];
      return d;
    }, 'nodes[0].children[0].children[0]', /hai cấp/],
  ];
  function item0(d: Record<string, unknown>): Record<string, unknown> {
    return ((d.nodes as Record<string, unknown>[])[0].children as Record<string, unknown>[])[0];
  }
  it.each(bad)('%s → PlanJsonError naming the field', (_name, mutate, p, reason) => {
    expectError(mutate(minimal()), p, reason);
  });

  it('an empty tree loads (the checks report it, not the loader)', () => {
    const d = minimal();
    d.nodes = [];
    expect(planFromJsonData(d).nodes).toEqual([]);
  });
  it('JSON syntax errors become PlanJsonError', () => {
    expect(() => planFromJsonText('{"meta": ')).toThrow(PlanJsonError);
  });
  it('deeply nested garbage gives a PlanJsonError, not a crash', () => {
    let deep: Record<string, unknown> = { tt: '1', name: 'x' };
    for (let i = 0; i < 5000; i++) deep = { tt: '1', name: 'x', children: [deep] };
    const d = minimal();
    item0(d).children = [deep];
    expect(() => planFromJsonData(d)).toThrow(PlanJsonError);
  });
});

describe('consumed data', () => {
  test('each top-level node of consumed data is released once built; the plan is the same; unconsumed data is kept', () => {
    const data = minimal();
    (data.nodes as unknown[]).push(JSON.parse(JSON.stringify((data.nodes as unknown[])[0])));
    const kept = JSON.stringify(data);
    const plan = planFromJsonData(data);
    expect(JSON.stringify(data)).toBe(kept);
    const consumed = planFromJsonData(data, true);
    expect(data.nodes).toEqual([null, null]);
    expect(planToJson(consumed)).toEqual(planToJson(plan));
  });
});

describe('amounts records', () => {
  test('source codes named like JavaScript properties are own keys of prototype-less records, amounts exact', () => {
    const data = minimal();
    const codes = ['__proto__', 'constructor', 'toString'];
    data.sources = codes.map((code) => ({ code, label: `Nguồn ${code}` }));
    const it = JSON.parse('{"tt":"1","name":"Dự án A","amounts":{"years":{"2021":"0.1","2022":"0.2"},' +
      '"sources":{"__proto__":"0.1","constructor":"0.2"},"split":{"__proto__":{"2021":"0.1"},"toString":{"2022":"0.2"}}}}');
    (data.nodes as { children: unknown[] }[])[0].children = [it];
    const a = ((planFromJsonData(data).nodes[0] as Group).children[0] as Item).amounts!;
    // no inherited key at all: every prototype on the chain is empty (Object.prototype would hold "constructor"...)
    const inherited = (rec: object): string[] => {
      const out: string[] = [];
      for (let p = Object.getPrototypeOf(rec); p !== null; p = Object.getPrototypeOf(p)) out.push(...Object.getOwnPropertyNames(p));
      return out;
    };
    for (const rec of [a.years, a.sources, a.split!, a.split!.__proto__]) expect(inherited(rec)).toEqual([]);
    const text = (rec: object): unknown[] => Object.entries(rec).map(([k, v]) => [k, v instanceof Dec ? v.toFixed() : text(v as object)]);
    expect(text(a.sources)).toEqual([['__proto__', '0.1'], ['constructor', '0.2']]);
    expect(text(a.split!)).toEqual([['__proto__', [['2021', '0.1']]], ['toString', [['2022', '0.2']]]]);
    expect(Object.keys(a.years)).toEqual(['2021', '2022']);
    expect(a.years[2022].toFixed()).toBe('0.2');
  });
});

describe('jsonPath', () => {
  it('writes array indexes in brackets and object keys with dots', () => {
    const data = { nodes: [{ children: [{ amounts: { years: { 2021: 'x' } } }] }] };
    expect(jsonPath(data, '/nodes/0/children/0/amounts/years/2021')).toBe('nodes[0].children[0].amounts.years.2021');
  });
});
