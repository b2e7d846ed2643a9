import { HIDAsync, devicesAsync } from 'node-hid';
import type { HidDeviceInfo, HidInputDevice } from '../../common/scanner/hid-device-port';

/** Every HID interface on the machine, through node-hid (hidraw on Linux). */
export async function enumerateNodeHid(): Promise<readonly HidDeviceInfo[]> {
  return devicesAsync();
}

/** Opens a hidraw path with node-hid, behind the small interface the driver uses. */
export async function openNodeHid(path: string): Promise<HidInputDevice> {
  const device = await HIDAsync.open(path);
  return {
    onReport: (listener) => device.on('data', (data: Buffer) => listener(new Uint8Array(data))),
    onError: (listener) => device.on('error', listener),
    sendFeatureReport: async (bytes) => {
      await device.sendFeatureReport([...bytes]);
    },
    write: async (bytes) => {
      await device.write([...bytes]);
    },
    close: () => device.close(),
  };
}
