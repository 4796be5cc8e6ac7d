/**
 * The one error the application layer throws for anything the user can fix: a setting that cannot be read, a sheet
 * that is not an input sheet, a plan that cannot be laid out. Its message is Vietnamese and complete; `field` names
 * the setting it is about ("years", "sources", "unit", "preset", "amount", "sheet"), so that the command line can
 * prefix its option ("--years: …") and the pane can show it under the right field. Front ends catch it at their
 * boundary: the command line exits 2 with one line; the pane shows it in a message bar.
 */
export type SettingField = 'years' | 'sources' | 'unit' | 'preset' | 'amount' | 'tolerance' | 'statedTotal' | 'sheet' | 'input';

export class AppError extends Error {
  constructor(message: string, readonly field?: SettingField) {
    super(message.normalize('NFC'));
    this.name = 'AppError';
  }
}
