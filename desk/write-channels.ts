/**
 * The two channels a desk panel reads again on: `vk-desk:<db>` (another panel or tab of this desk wrote) and
 * `vk-storage:<db>` (the storage layer wrote: a kiosk in this browser, or the hub link storing what the hub sent).
 * A panel keeps what this returns and closes it when it leaves the page or its database changes.
 */
export function openWriteChannels(dbName: string, onWrite: () => void): BroadcastChannel[] {
  return [`vk-desk:${dbName}`, `vk-storage:${dbName}`].map((name) => {
    const channel = new BroadcastChannel(name);
    channel.onmessage = () => onWrite();
    return channel;
  });
}

export function closeChannels(channels: readonly BroadcastChannel[]): void {
  for (const c of channels) c.close();
}
