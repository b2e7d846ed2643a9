import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithI18n } from '../../test-support/render';
import { downloadExport } from './export-download';
import { ExportButtons } from './ExportButtons';

const encoder = new TextEncoder();

/** A streamed answer whose chunks the test releases one by one; aborting the request errors the body as a browser does. */
function controlledFetch() {
  let push: (text: string | null) => void = () => {};
  const requests: { url: string; init: RequestInit | undefined }[] = [];
  const fetchImpl = (async (url: string, init?: RequestInit) => {
    requests.push({ url, init });
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        push = (text) => (text === null ? controller.close() : controller.enqueue(encoder.encode(text)));
        init?.signal?.addEventListener('abort', () => controller.error(new DOMException('aborted', 'AbortError')));
      },
    });
    return new Response(body, {
      headers: { 'x-total-rows': '4', 'content-disposition': 'attachment; filename="closings-S1-2026-12-07.csv"' },
    });
  }) as typeof fetch;
  return { fetchImpl, requests, push: (text: string | null) => push(text) };
}

function renderButtons(fetchImpl: typeof fetch, save = vi.fn()) {
  const download: typeof downloadExport = (url, format, options) => downloadExport(url, format, { ...options, fetchImpl });
  renderWithI18n(
    <ExportButtons
      path="/stores/S1/closings"
      query={{ from: '2026-12-01', to: '' }}
      label="les clôtures"
      download={download}
      save={save}
    />,
  );
  return save;
}

describe('ExportButtons', () => {
  it('streams a CSV with a progress bar of rows against the total, then saves the file', async () => {
    const hub = controlledFetch();
    const save = renderButtons(hub.fetchImpl);
    fireEvent.click(screen.getByRole('button', { name: 'Exporter les clôtures en CSV' }));
    await waitFor(() => expect(hub.requests).toHaveLength(1));
    expect(hub.requests[0]!.url).toBe('/api/v1/admin/stores/S1/closings?from=2026-12-01&format=csv&lang=fr');
    expect(hub.requests[0]!.init).toMatchObject({ credentials: 'same-origin' });
    hub.push('\uFEFFa;b\r\n1;2\r\n2;3\r\n');
    const bar = await screen.findByRole('progressbar', { name: 'Export en cours : les clôtures' });
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('2 lignes sur 4'));
    expect(bar.getAttribute('value')).toBe('2');
    expect(bar.getAttribute('max')).toBe('4');
    expect(screen.getByRole('button', { name: 'Exporter les clôtures en Excel (XLSX)' })).toHaveProperty('disabled', true);
    hub.push('3;4\r\n4;5\r\n');
    hub.push(null);
    await waitFor(() => expect(save).toHaveBeenCalledOnce());
    const [blob, fileName] = save.mock.calls[0]! as [Blob, string];
    expect(fileName).toBe('closings-S1-2026-12-07.csv');
    expect(await blob.text()).toBe('\uFEFFa;b\r\n1;2\r\n2;3\r\n3;4\r\n4;5\r\n');
    expect(screen.getByRole('status').textContent).toBe('Fichier closings-S1-2026-12-07.csv enregistré.');
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('cancels a download: nothing saved, the cancellation announced, the buttons back', async () => {
    const hub = controlledFetch();
    const save = renderButtons(hub.fetchImpl);
    fireEvent.click(screen.getByRole('button', { name: 'Exporter les clôtures en Excel (XLSX)' }));
    await waitFor(() => expect(hub.requests).toHaveLength(1));
    expect(hub.requests[0]!.url).toContain('format=xlsx');
    hub.push('PK…');
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('0 Ko reçus'));
    fireEvent.click(screen.getByRole('button', { name: 'Annuler l’export' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Export annulé.'));
    expect(save).not.toHaveBeenCalled();
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.getByRole('button', { name: 'Exporter les clôtures en CSV' })).toHaveProperty('disabled', false);
  });

  it('shows a refusal in words, not its code', async () => {
    const refused = (async () => new Response(JSON.stringify({ error: 'forbidden' }), { status: 403 })) as typeof fetch;
    renderButtons(refused);
    fireEvent.click(screen.getByRole('button', { name: 'Exporter les clôtures en CSV' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Votre rôle ne permet pas cette action.');
  });
});
