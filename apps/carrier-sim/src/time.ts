const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * Formats epoch milliseconds as ISO 8601 in China time with an explicit offset, e.g.
 * `2026-11-26T09:10:00+08:00`: the carriers simulated here report local times that way.
 */
export function formatChinaTime(epochMs: number): string {
  return `${new Date(epochMs + CHINA_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}
