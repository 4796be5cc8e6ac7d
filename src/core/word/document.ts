/**
 * A Word document as the checks see it (issue 13): its body in reading order, each table as a grid (the same input
 * the sheet reader takes), each paragraph as its text with the headings above it. Filled by src/docx (a .docx read
 * in Node or in the browser); checked by src/app. Pure types: no file format here.
 */
import type { Grid } from '../base/grid';

export interface WordTable {
  kind: 'table';
  /** 1-based, in body order: "Bảng 2". */
  index: number;
  /**
   * The table's cells: row r, column c of the table's grid (gridSpan and vMerge give merges). `grid.sheet` is the
   * table's name as findings show it ("Bảng 2").
   */
  grid: Grid;
  /** The headings above the table, outermost first ("VI. KINH PHÍ THỰC HIỆN", "Phụ lục II"). */
  headingPath: string[];
}

export interface WordParagraph {
  kind: 'paragraph';
  /** 1-based, in body order, counting paragraphs outside tables only: "đoạn 12". */
  index: number;
  /** The paragraph's text, NFC, runs joined, tabs and breaks as spaces. */
  text: string;
  headingPath: string[];
}

export type WordBlock = WordTable | WordParagraph;

export interface WordDocument {
  /** The file's name, when known. */
  name?: string;
  blocks: WordBlock[];
}
