export declare function parseMarker(line: string): { checks: string[]; reason: string } | null;
export declare function findJustification(source: string, line: number, checkId: string): string | null;
