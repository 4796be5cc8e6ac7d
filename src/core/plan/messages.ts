/** Vietnamese messages of the plan settings (units, years, sources, presets), in one place. */
export const SETTING_MESSAGES = {
  yearsNotSpan: (t: string) => `"${t}" không phải khoảng năm (ví dụ: 2021-2025 hoặc 2023)`,
  yearsNotWhole: 'năm phải là số nguyên',
  yearsOutOfRange: (min: number, max: number) => `năm phải trong khoảng ${min}-${max}`,
  yearsReversed: 'năm đầu lớn hơn năm cuối',
  yearsTooLong: (max: number) => `khoảng năm quá dài (tối đa ${max} năm)`,
  sourcesEmpty: 'danh sách nguồn vốn trống (ví dụ: NSTW,NSĐP,ĐTPT)',
  sourceCodeBad: (raw: string) => `mã nguồn vốn "${raw}" không hợp lệ (chữ, số, tối đa 20 ký tự, không có khoảng trắng)`,
  sourceLabelMissing: (code: string) => `nguồn vốn "${code}" thiếu tên sau dấu "="`,
  sourceRepeated: (code: string) => `mã nguồn vốn "${code}" bị lặp`,
  unitUnknown: (t: string) => `không hiểu đơn vị "${t}" (dùng: đồng, nghìn đồng, triệu đồng, tỷ đồng)`,
  presetUnknown: (t: string) => `không hiểu mẫu phụ lục "${t}" (dùng: medium-term/Trung hạn, annual/Hằng năm, flat/Danh sách, completed/Đã thực hiện)`,
} as const;
