/**
 * The plan tree: what the parser produces from a plan's text and what the app stores.
 * Pure types, shared by the parser, the database layer, the checklist and (later) the
 * workbook exchange format.
 */

/** Structural kind of a node, from the outside in. */
export type PlanNodeKind =
  /** Roman-numeral section: "I. MỤC ĐÍCH, YÊU CẦU", "III. NHIỆM VỤ VÀ GIẢI PHÁP". */
  | 'section'
  /** Numbered task group inside a section: "1. Tăng cường tuyên truyền…". */
  | 'group'
  /** A bullet or un-bulleted paragraph: the unit of work an officer ticks off. */
  | 'item'
  /** A sub-point under an item ("a)", "+", "1.1."). */
  | 'subitem';

export interface PlanNode {
  /**
   * Stable id from the node's position, e.g. "III", "III.2", "III.2.4", "III.2.4.1".
   * Items directly under a section (no group) get "I.1", "I.2"…
   */
  id: string;
  kind: PlanNodeKind;
  /** Numbering as printed ("III", "2", "a", "1.1"), or null for bullets/paragraphs. */
  label: string | null;
  /** Plain text, NFC, markdown removed, page-break splits joined. */
  text: string;
  /** Whether an officer tracks a status for this node (by default: items of III and IV). */
  trackable: boolean;
  children: PlanNode[];
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
