/**
 * The plan tree: what the parser produces from a plan's text and what the app stores.
 * Pure types, shared by the parser, the database layer, the checklist and (later) the
 * workbook exchange format.
 */

/** Structural kind of a node, from the outside in. */
export type PlanNodeKind =
  /**
   * A part above the sections: "Phần thứ nhất", "PHẦN I" or "A." when Roman sections follow it.
   * Most plans have none; plans saved before parts were recognised never have one.
   */
  | 'part'
  /** Roman-numeral section: "I. MỤC ĐÍCH, YÊU CẦU", "III. NHIỆM VỤ VÀ GIẢI PHÁP". */
  | 'section'
  /** Numbered task group inside a section: "1. Tăng cường tuyên truyền…". */
  | 'group'
  /** A bullet or un-bulleted paragraph: the unit of work an officer ticks off. */
  | 'item'
  /** A sub-point under an item ("a)", "+", "1.1."). */
  | 'subitem';

/**
 * Something printed with a node that is data about it, not a task of its own: "Thời gian thực
 * hiện: Quý I/2025", "Bộ phận chủ trì: Ban Nữ công", a column of a task table.
 */
export interface PlanAttribute {
  /** The name as printed, NFC ("Thời gian thực hiện", "Bộ phận chủ trì", a table's column header). */
  name: string;
  value: string;
}

export interface PlanNode {
  /**
   * Stable id from the node's position, e.g. "III", "III.2", "III.2.4", "III.2.4.1".
   * Items directly under a section (no group) get "I.1", "I.2"… Parts are "P1", "P2"…, and a
   * section inside a part is "P2.I" (see plan-tree.ts renumber).
   */
  id: string;
  kind: PlanNodeKind;
  /** Numbering as printed ("III", "2", "a", "1.1"), or null for bullets/paragraphs. */
  label: string | null;
  /** Plain text, NFC, markdown removed, page-break splits joined. */
  text: string;
  /** Whether an officer tracks a status for this node (plan-tracking.ts says which by default). */
  trackable: boolean;
  children: PlanNode[];
  /**
   * Attributes in the order printed. Absent rather than empty: plans stored before attributes
   * existed have none, and the built-in plan's stored tree stays byte for byte the same.
   */
  attributes?: PlanAttribute[];
}

export interface PlanHeader {
  /** Issuing body, e.g. "Ban Thường vụ Liên đoàn Lao động huyện Dương Minh Châu", or null when absent. */
  issuingBody: string | null;
  /** Parent body printed above the issuing body, when present. */
  parentBody: string | null;
  /** "63/KH-LĐLĐ" (without "Số:"), or null. */
  number: string | null;
  /** The place-and-date line as printed, e.g. "Huyện DMC, ngày tháng 8 năm 2024". */
  placeAndDate: string | null;
  /** Document type, normally "KẾ HOẠCH". */
  documentType: string | null;
  /** Title/subject under the document type. */
  title: string | null;
  /** Documents this plan implements ("Kế hoạch số 107/KH-LĐLĐ, ngày 14/8/2024…", "Nghị quyết số 43-NQ/TW"…). */
  implements: string[];
  /** The introductory paragraph(s) before section I, joined. */
  preamble: string | null;
}

export interface ParsedPlan {
  header: PlanHeader;
  /** The top-level nodes: the sections, or the parts holding them when the plan has parts. */
  sections: PlanNode[];
  /** The closing paragraph ("Trên đây là…"), not a task. */
  closing: string | null;
  /** Recipients under "Nơi nhận:". */
  recipients: string[];
  /** Signature block lines ("TM. BAN THƯỜNG VỤ", "PHÓ CHỦ TỊCH", a name…). */
  signature: string[];
  /** Things the parser noticed and repaired or could not place, for the preview. */
  warnings: string[];
}
