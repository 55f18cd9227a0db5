export declare function parseMarker(line: string): { checks: string[]; reason: string } | null;
export declare function findJustification(source: string, line: number, checkId: string): string | null;
export declare const VENDOR_JUSTIFICATIONS: { check: string; pattern: RegExp; reason: string }[];
export declare function findVendorJustification(source: string, line: number, column: number, checkId: string): string | null;
