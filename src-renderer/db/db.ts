/** The app's one database connection. Dexie opens it lazily; the shell opens it explicitly. */
import { SoKeHoachDb } from './schema';

export const db = new SoKeHoachDb();
