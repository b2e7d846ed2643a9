import { SerialPort } from 'serialport';

export type SerialPortListing = {
  readonly path: string;
  readonly manufacturer?: string;
  readonly vendorId?: string;
  readonly productId?: string;
  readonly serialNumber?: string;
};

/** The machine's serial ports for the Devices screen. On Linux it reads udev: without udev it throws, and the caller says so. */
export async function listSerialPorts(): Promise<SerialPortListing[]> {
  const ports = await SerialPort.list();
  return ports.map((p) => ({
    path: p.path,
    ...(p.manufacturer ? { manufacturer: p.manufacturer } : {}),
    ...(p.vendorId ? { vendorId: p.vendorId } : {}),
    ...(p.productId ? { productId: p.productId } : {}),
    ...(p.serialNumber ? { serialNumber: p.serialNumber } : {}),
  }));
}
