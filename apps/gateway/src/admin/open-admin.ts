import { openDatabase } from '../store/database.ts';
import { DataDirLockedError } from '../store/lock/data-dir-lock.ts';
import { adminOverSocket } from './admin-client.ts';
import { type AdminOperations, databaseAdmin } from './admin-operations.ts';

/** Where `parcelgate-admin` runs its commands, and how to let go of it. */
export interface AdminSession {
  readonly operations: AdminOperations;
  /** Set when the commands go through a running gateway: its pid and admin socket. */
  readonly gateway?: { readonly pid: number; readonly socket: string };
  close(): Promise<void>;
}

/**
 * Opens the database for the admin commands: PostgreSQL directly (it has many writers), or
 * the embedded database's folder. When a running gateway holds that folder, the commands
 * go through its admin channel instead, so they act on the gateway's own database and a
 * key created is usable at once. Throws `DataDirLockedError` when the holder has no admin
 * channel (another admin command, or a gateway still starting).
 */
export async function openAdmin(options: {
  readonly databaseUrl?: string | undefined;
  readonly dataDir: string;
}): Promise<AdminSession> {
  try {
    const database = await openDatabase(options);
    return { operations: databaseAdmin(database), close: () => database.close() };
  } catch (error) {
    const socket = error instanceof DataDirLockedError ? error.holder.adminSocket : undefined;
    if (socket === undefined || !(error instanceof DataDirLockedError)) {
      throw error;
    }
    return {
      operations: adminOverSocket(socket),
      gateway: { pid: error.holder.pid, socket },
      close: async () => {},
    };
  }
}
