// Must run before anything creates a Date: Node applies a TZ assignment immediately.
process.env.TZ = 'America/Los_Angeles';

import { describe } from 'vitest';
import { timeZoneTests } from './exchange-writer-tz';

describe('calendar dates at UTC−8/−7 (America/Los_Angeles)', () => timeZoneTests('America/Los_Angeles', -8 * 60));
