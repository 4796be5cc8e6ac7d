/** Vietnamese messages of the plan folder (settings: units, years, sources, presets; plan JSON), in one place. */
export const SETTING_MESSAGES = {
  yearsNotSpan: (t: string) => `"${t}" không phải khoảng năm (ví dụ: 2021-2025 hoặc 2023)`,
  yearsNotWhole: 'năm phải là số nguyên',
  yearsOutOfRange: (min: number, max: number) => `năm phải trong khoảng ${min}-${max}`,
  yearsReversed: 'năm đầu lớn hơn năm cuối',
  yearsTooLong: (max: number) => `khoảng năm quá dài (tối đa ${max} năm)`,
  sourcesEmpty: 'danh sách nguồn vốn trống (ví dụ: NSTW,NSĐP,ĐTPT)',
  sourceCodeBad: (raw: string) => `mã nguồn vốn "${raw}" không hợp lệ (chữ, số, tối đa 20 ký tự, không có khoảng trắng)`,
  sourceCodeMissing: (part: string) => `thiếu mã nguồn vốn trước dấu "=" trong "${part}" (viết MÃ=Tên, ví dụ ABC=Vốn ABC)`,
  sourceLabelMissing: (code: string) => `nguồn vốn "${code}" thiếu tên sau dấu "="`,
  sourceRepeated: (code: string) => `mã nguồn vốn "${code}" bị lặp`,
  unitUnknown: (t: string) => `không hiểu đơn vị "${t}" (dùng: đồng, nghìn đồng, triệu đồng, tỷ đồng)`,
  presetUnknown: (t: string) => `không hiểu mẫu phụ lục "${t}" (dùng: medium-term/Trung hạn, annual/Hằng năm, flat/Danh sách, completed/Đã thực hiện)`,
} as const;

/** Vietnamese messages of plan JSON (PlanJsonError reasons, after the path of the bad field). */
export const PLAN_JSON_MESSAGES = {
  wholeDocument: '(tài liệu)',
  notJson: (detail: string) => `không phải JSON hợp lệ (${detail})`,
  tooDeep: 'cấu trúc lồng nhau quá sâu',
  badKey: 'tên khóa không hợp lệ (năm phải là 4 chữ số)',
  required: 'thiếu trường bắt buộc',
  unknownField: 'trường không có trong định dạng',
  types: {
    string: 'phải là chuỗi văn bản',
    number: 'phải là số',
    integer: 'phải là số nguyên',
    object: 'phải là đối tượng {…}',
    array: 'phải là danh sách […]',
    boolean: 'phải là true/false',
  } as Readonly<Record<string, string>>,
  ofType: (t: string) => `phải có kiểu ${t}`,
  notNumber: 'phải là số',
  amountPattern: 'phải là số (dạng "1559" hoặc "4967.667")',
  fieldKeyPattern: 'không phải tên cột hợp lệ (total, year:2021, source:NSĐP...)',
  pattern: (p: string) => `sai định dạng (mẫu ${p})`,
  oneOfValues: (values: string) => `phải là một trong: ${values}`,
  constValue: (v: string) => `phải là ${v}`,
  empty: 'không được để trống',
  minimum: (limit: string) => `phải lớn hơn hoặc bằng ${limit}`,
  maximum: (limit: string) => `phải nhỏ hơn hoặc bằng ${limit}`,
  spanOneOf: 'sai định dạng khoảng năm (ví dụ "2021-2025", "2023" hoặc {"from": 2021, "to": 2025})',
  invalid: (keyword: string) => `không hợp lệ (${keyword})`,
  notFinite: 'phải là số hữu hạn',
  tooLarge: 'số quá lớn',
  unknownSource: 'mã nguồn vốn không có trong danh sách "sources"',
  badSpan: 'sai định dạng khoảng năm',
  spanReversed: (from: number, to: number) => `năm kết thúc ${to} trước năm bắt đầu ${from}`,
  groupTooDeep: 'nhóm lồng quá hai cấp (I, II... rồi A, B...)',
  textTooLong: (length: string, max: string) => `văn bản dài ${length} ký tự, quá giới hạn ${max} ký tự của một ô Excel`,
  sourceRepeated: (code: string, first: string, raw: string) =>
    `mã nguồn vốn "${raw}" bị trùng với "${first}" (cùng mã "${code}" sau khi chuẩn hóa Unicode NFC và bỏ khoảng trắng)`,
  sourceKeyTwice: (code: string) => `mã nguồn vốn "${code}" được ghi hai lần (hai khóa giống nhau sau khi chuẩn hóa Unicode NFC)`,
  tooManySources: (n: string, max: string) => `có ${n} nguồn vốn, quá giới hạn ${max} nguồn vốn của một kế hoạch`,
  tooManyItems: (n: string, max: string) => `có ${n} dòng (nhóm và dự án), quá giới hạn ${max} dòng của một kế hoạch`,
  defaultWhere: 'kế hoạch',
} as const;

/** Vietnamese messages of a damaged plan tree (model.ts treeProblem). */
export const TREE_MESSAGES = {
  notANode: 'Cây danh mục có một mục không phải nhóm hay dự án.',
  twice: (label: string) => `Cây danh mục hỏng: mục "${label}" xuất hiện hai lần (vòng lặp hoặc hai nhóm cha).`,
  tooDeep: (max: number) => `Cây danh mục lồng quá sâu (hơn ${max} cấp).`,
  childrenNotArray: 'Cây danh mục hỏng: danh sách mục con không phải một mảng.',
} as const;

/** Vietnamese messages of totals.ts (TotalsError). */
export const TOTALS_MESSAGES = {
  noNodes: 'Kế hoạch không có danh sách mục (nodes).',
  notInPlan: 'Mục không thuộc kế hoạch này.',
  badAmount: (tt: string, name: string, what: string, v: string) => `Dự án ${tt} "${name}": số tiền ${what} không hợp lệ (${v}).`,
  year: (y: string) => `năm ${y}`,
  source: (code: string) => `nguồn ${code}`,
  sourceYear: (code: string, y: string) => `nguồn ${code} năm ${y}`,
  total: 'tổng',
  totalInvestment: 'tổng mức đầu tư',
  annual: 'năm kế hoạch',
} as const;

/** Vietnamese messages of spread.ts (SpreadError). */
export const SPREAD_MESSAGES = {
  badTotal: (t: string) => `Tổng cần chia không hợp lệ: ${t}`,
  badDecimals: (d: string) => `Số chữ số thập phân không hợp lệ: ${d}`,
  totalTooLarge: 'Tổng cần chia quá lớn',
  totalTooFine: 'Tổng cần chia có quá nhiều chữ số thập phân',
  partsNotWhole: (p: string) => `Số phần phải là số nguyên: ${p}`,
  noParts: 'Không có phần nào để chia',
  tooManyParts: (n: number) => `Quá nhiều phần: ${n}`,
  badWeight: (w: string) => `Tỷ trọng không hợp lệ: ${w}`,
  negativeWeight: (w: string) => `Tỷ trọng âm: ${w}`,
  weightTooLarge: 'Tỷ trọng quá lớn',
  weightTooFine: 'Tỷ trọng có quá nhiều chữ số thập phân',
  allWeightsZero: 'Tất cả tỷ trọng đều bằng 0',
  badParts: 'Số phần phải là một số nguyên hoặc danh sách tỷ trọng',
} as const;
