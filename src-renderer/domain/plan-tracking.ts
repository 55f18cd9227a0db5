/**
 * Which nodes of a new plan an officer tracks, by one rule a person can predict (the preview
 * states it as TRACKING_RULE):
 * - a "task block" is a section, or a part that holds no section, whose title names work to do
 *   (NHIỆM VỤ, GIẢI PHÁP, NỘI DUNG, CÔNG TÁC …, HOẠT ĐỘNG, TỔ CHỨC THỰC HIỆN, …) and does not
 *   start like a statement of purpose or an evaluation (MỤC ĐÍCH, YÊU CẦU, MỤC TIÊU, ĐÁNH GIÁ,
 *   KẾT QUẢ, TÌNH HÌNH, …). A section whose title says neither follows its part's title; inside
 *   a part titled as an evaluation nothing is a task block. When no block qualifies, the
 *   sections printed III and IV are (the usual place of the tasks);
 * - in a task block, the leaves are tracked: the items and sub-items without children. A
 *   heading with tracked children (a group, an "a)" item over its "+" lines) is not tracked
 *   itself, so nothing is counted twice.
 *
 * Pure module: no React, Dexie, Electron, Node or DOM.
 */
import type { PlanNode } from './plan-types';
import { fold } from './vn-text';

/** The rule in the words of the preview. */
export const TRACKING_RULE =
  'Theo dõi: các việc cụ thể (mục lá, không có mục con) trong các phần nhiệm vụ — phần có tên Nhiệm vụ, Giải pháp, Nội dung, Công tác…, Hoạt động, Tổ chức thực hiện; không theo dõi: Mục đích, yêu cầu, Mục tiêu, Đánh giá kết quả…, và các đầu mục có mục con.';

const TASK_WORDS = [
  'nhiem vu',
  'giai phap',
  'noi dung',
  'cong tac',
  'hoat dong',
  'to chuc thuc hien',
  'trien khai',
  'phan cong',
  'chuong trinh cong tac',
  'cac viec',
  'cong viec',
];
const NOT_TASK_STARTS = [
  'muc dich',
  'yeu cau',
  'muc tieu',
  'danh gia',
  'ket qua',
  'tinh hinh',
  'quan diem',
  'can cu',
  'boi canh',
  'dac diem',
  'thuc trang',
  'so ket',
  'tong ket',
];

function titleKey(title: string): string {
  return fold(title)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** What a title says about its block: work to do, not work, or nothing either way. */
export function titleVerdict(title: string): 'task' | 'not-task' | 'neutral' {
  const key = titleKey(title);
  // "MỤC TIÊU, NHIỆM VỤ" names tasks too; "ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN NHIỆM VỤ" does not.
  const start = NOT_TASK_STARTS.find((w) => key.startsWith(w));
  if (start && !(start === 'muc tieu' && /\b(nhiem vu|giai phap)\b/.test(key))) return 'not-task';
  return TASK_WORDS.some((w) => key.includes(w)) ? 'task' : 'neutral';
}

/** A section, or a part holding no section: what the rule calls a block. */
export function isBlock(node: PlanNode): boolean {
  return node.kind === 'section' || (node.kind === 'part' && !node.children.some((c) => c.kind === 'section'));
}

/** Every block of the tree with the title of the part above it ('' when none), in document order. */
export function blocksOf(roots: readonly PlanNode[]): { node: PlanNode; partTitle: string }[] {
  const out: { node: PlanNode; partTitle: string }[] = [];
  for (const root of roots) {
    if (isBlock(root)) out.push({ node: root, partTitle: '' });
    else if (root.kind === 'part') {
      for (const child of root.children) if (child.kind === 'section') out.push({ node: child, partTitle: root.text });
    }
  }
  return out;
}

/** Whether the rule makes this block a task block (without the III/IV fallback). */
export function isTaskBlock(node: PlanNode, partTitle: string): boolean {
  const part = partTitle === '' ? 'neutral' : titleVerdict(partTitle);
  if (part === 'not-task') return false;
  const own = titleVerdict(node.text);
  return own === 'task' || (own === 'neutral' && part === 'task');
}

/** Mark the leaves (items and sub-items without children) of `node` tracked and everything else in it not. */
export function trackLeaves(node: PlanNode): void {
  node.trackable = false;
  for (const child of node.children) markLeaves(child);
}

function markLeaves(node: PlanNode): void {
  node.trackable = (node.kind === 'item' || node.kind === 'subitem') && node.children.length === 0;
  for (const child of node.children) markLeaves(child);
}

function clearTracking(node: PlanNode): void {
  node.trackable = false;
  for (const child of node.children) clearTracking(child);
}

/** Apply the rule to a freshly parsed tree, in place. */
export function applyTrackingRule(roots: PlanNode[]): void {
  roots.forEach(clearTracking);
  const blocks = blocksOf(roots);
  let tasks = blocks.filter((b) => isTaskBlock(b.node, b.partTitle)).map((b) => b.node);
  if (tasks.length === 0) tasks = blocks.filter((b) => b.node.label === 'III' || b.node.label === 'IV').map((b) => b.node);
  tasks.forEach(trackLeaves);
}
