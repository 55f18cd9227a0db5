/** The "Thêm kế hoạch" dialog as an officer sees it (shared by the plan import specs). */
import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

export class PlanImportDialogPage {
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Thêm kế hoạch' });
  }

  async open(): Promise<void> {
    await this.page.getByRole('button', { name: 'Thêm kế hoạch' }).click();
    await expect(this.dialog).toBeVisible();
  }

  get textArea(): Locator {
    return this.dialog.getByRole('textbox', { name: 'Dán nội dung kế hoạch' });
  }

  button(name: string): Locator {
    return this.dialog.getByRole('button', { name, exact: true });
  }

  /** The outline row named `name` (the id it was parsed with, "II.2.3"; "II.2.3+" for a row split off it). */
  row(name: string): Locator {
    return this.dialog.getByRole('listitem').filter({ has: this.page.getByText(name, { exact: true }) });
  }

  /** Select a row as a click on its name does, ready for the row's keys; returns the row. */
  async selectRow(name: string): Promise<Locator> {
    const row = this.row(name);
    await row.getByText(name, { exact: true }).click();
    await expect(row).toBeFocused();
    return row;
  }

  async chooseFile(file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.button('Chọn tệp Word (.docx)…').click();
    await (await chooser).setFiles(file);
  }
}
