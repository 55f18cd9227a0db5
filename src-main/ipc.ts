/**
 * The IPC boundary: one loop registers every channel of the contract. For each call it
 * (a) checks the sender is the main frame of one of our windows showing our own page,
 * (b) parses the input, which arrives as `unknown`, with the channel's zod schema,
 * (c) calls the typed handler.
 */
import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron';
import type { z } from 'zod';
import { channels, inputSchemas, type Channel, type ChannelInput, type ChannelOutput } from '@contract';
import { isAppPageUrl, type AppPages } from './app-pages';

export interface HandlerContext {
  /** The window that asked; parent for dialogs. */
  window: BrowserWindow;
}

export type Handlers = {
  [C in Channel]: (input: ChannelInput<C>, ctx: HandlerContext) => Promise<ChannelOutput<C>>;
};

export const FOREIGN_SENDER_MESSAGE = 'Từ chối: yêu cầu không đến từ trang của ứng dụng.';

/** Vietnamese names for the contract's fields, so an error tells the officer what was wrong. */
const FIELD_NAMES: Record<string, string> = {
  suggestedName: 'tên tệp gợi ý (suggestedName)',
  bytes: 'nội dung tệp (bytes)',
  filters: 'bộ lọc loại tệp (filters)',
  name: 'tên bộ lọc (name)',
  extensions: 'phần mở rộng (extensions)',
  multiple: 'chọn nhiều tệp (multiple)',
  maxBytes: 'kích thước tệp tối đa (maxBytes)',
  exportId: 'mã lần xuất tệp (exportId)',
  job: 'dữ liệu cần xuất (job)',
};

function describePath(path: ReadonlyArray<PropertyKey>): string {
  if (path.length === 0) return 'dữ liệu gửi lên';
  const parts = path.map((p) => (typeof p === 'number' ? `[${p}]` : (FIELD_NAMES[String(p)] ?? String(p))));
  return parts.join(' › ');
}

function describeIssue(issue: z.core.$ZodIssue): string {
  // Inputs are reported (reportInput), so a missing field can be told apart.
  const missing = 'input' in issue && issue.input === undefined;
  switch (issue.code) {
    case 'invalid_type':
      return missing ? 'bị thiếu' : 'sai kiểu dữ liệu';
    case 'custom':
      return missing ? 'bị thiếu' : 'không hợp lệ';
    case 'too_big':
      return 'quá lớn hoặc quá dài';
    case 'too_small':
      return 'quá nhỏ hoặc quá ngắn';
    case 'unrecognized_keys':
      return `có trường không được phép: ${issue.keys.join(', ')}`;
    case 'invalid_format':
      return 'không đúng định dạng';
    default:
      return 'không hợp lệ';
  }
}

/** One Vietnamese sentence naming the first offending field, e.g. for a toast. */
export function formatValidationError(channel: Channel, error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return `Dữ liệu gửi tới "${channel}" không hợp lệ.`;
  return `Dữ liệu gửi tới "${channel}" không hợp lệ: ${describePath(issue.path)} ${describeIssue(issue)}.`;
}

export interface SenderPolicy {
  pages: AppPages;
  /** Maps the sender to one of our windows, or null for anything else. */
  windowOf(event: IpcMainInvokeEvent): BrowserWindow | null;
}

/** Our window, when the event comes from its main frame showing our page; otherwise null. */
export function trustedSenderWindow(event: IpcMainInvokeEvent, policy: SenderPolicy): BrowserWindow | null {
  const frame = event.senderFrame;
  if (!frame) return null;
  // A subframe (iframe) is never trusted, even one showing our own page.
  const main = event.sender.mainFrame;
  if (frame.parent !== null || frame.processId !== main.processId || frame.routingId !== main.routingId) return null;
  if (!isAppPageUrl(frame.url, policy.pages)) return null;
  return policy.windowOf(event);
}

export function registerIpcHandlers(ipcMain: IpcMain, handlers: Handlers, policy: SenderPolicy): void {
  for (const channel of channels) {
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, raw: unknown) => {
      const window = trustedSenderWindow(event, policy);
      if (!window) {
        console.warn(`[ipc] refused "${channel}" from ${event.senderFrame?.url ?? '(no frame)'}`);
        throw new Error(FOREIGN_SENDER_MESSAGE);
      }
      // reportInput lets the message tell "missing" from "wrong type"; the input is never logged.
      const parsed = inputSchemas[channel].safeParse(raw, { reportInput: true });
      if (!parsed.success) {
        console.warn(`[ipc] invalid input for "${channel}" at`, parsed.error.issues[0]?.path.join('.'));
        throw new Error(formatValidationError(channel, parsed.error));
      }
      // The map is exhaustive per channel; TypeScript cannot correlate the two unions here.
      const handler = handlers[channel] as (input: unknown, ctx: HandlerContext) => Promise<unknown>;
      return handler(parsed.data, { window });
    });
  }
}
