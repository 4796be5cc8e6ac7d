/** Formula-injection payloads: texts a spreadsheet would read as a formula, a command or a line break if typed raw. */
export const INJECTIONS = [
  '=1+1', '+84 xyz', '-abc', '@SUM(A1)', '\tTab đầu dòng', '\rCR đầu dòng', '\nLF đầu dòng', '\r\nCRLF',
  '=HYPERLINK("http://example.invalid","bấm vào đây")', "=cmd|' /C calc'!A0", "+cmd|' /C notepad'!A0", '-2+3', '=1/0', '@', '=',
  '=SUM(A1:A10)*0', "'=quoted", '=IMPORTXML("http://example.invalid","//a")', '=WEBSERVICE("http://example.invalid")',
];
