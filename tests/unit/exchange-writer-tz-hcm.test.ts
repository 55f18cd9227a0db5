// Must run before anything creates a Date: Node applies a TZ assignment immediately.
process.env.TZ = 'Asia/Ho_Chi_Minh';

import { describe } from 'vitest';
import { timeZoneTests } from './exchange-writer-tz';

describe('calendar dates at UTC+7 (Asia/Ho_Chi_Minh)', () => timeZoneTests('Asia/Ho_Chi_Minh', 7 * 60));
