/**
 * exceljs's in-memory workbook (lib/doc/workbook) and its enums, without the parts this project never uses that
 * `require('exceljs')` loads at start-up: the streaming reader and writer (unzipper, archiver and their chains) and
 * the CSV support (fast-csv, dayjs). About half of exceljs's load time; `check` and `build` start that much sooner.
 * The classes are the very ones `require('exceljs')` exports (same modules), so a workbook made here and one made
 * by tests through the package are the same kind of object.
 */
import type ExcelJSTypes from 'exceljs';
import * as path from 'path';

const LIB = path.join(path.dirname(require.resolve('exceljs/package.json')), 'lib');

/**
 * lib/doc/workbook requires lib/csv/csv at load but uses it only in `workbook.csv`: until then the CSV module is a
 * stand-in that loads the real one when first constructed. Left alone when something has loaded it already.
 */
function deferCsv(): void {
  const file = require.resolve(path.join(LIB, 'csv', 'csv.js'));
  if (require.cache[file]) return;
  const { Module } = require('module') as { Module: new (id: string) => NodeJS.Module };
  const stub = new Module(file);
  stub.filename = file;
  stub.loaded = true;
  stub.exports = function DeferredCsv(this: unknown, workbook: unknown): unknown {
    delete require.cache[file];
    const Csv = require(file) as new (wb: unknown) => unknown;
    return new Csv(workbook);
  };
  require.cache[file] = stub;
}

deferCsv();
export const Workbook = require(path.join(LIB, 'doc', 'workbook.js')) as typeof ExcelJSTypes.Workbook;
export const ValueType = (require(path.join(LIB, 'doc', 'enums.js')) as { ValueType: typeof ExcelJSTypes.ValueType }).ValueType;
