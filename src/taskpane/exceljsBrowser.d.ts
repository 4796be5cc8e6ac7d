/** exceljs's browser build (loaded on demand by xlsxBrowser.ts): the same API as the package. */
declare module 'exceljs/dist/exceljs.min.js' {
  import ExcelJS = require('exceljs');
  export = ExcelJS;
}
