// CSV to and from the server (the API client speaks JSON only): the import
// sends the file's text as text/csv, the export is fetched with the session's
// token and saved by the browser. Errors are ApiError, as the client's.
import { ApiError, getToken, routeUrl, type Reply } from '../../api/client.ts';

const auth = (): Record<string, string> => {
  const token = getToken();
  return token ? { authorization: `Bearer ${token}` } : {};
};

async function failure(res: Response): Promise<ApiError> {
  const err = (await res.json().catch(() => ({}))) as { code?: string; message?: string };
  return new ApiError(res.status, err.code ?? `HTTP_${res.status}`, err.message ?? res.statusText);
}

export async function importCustomers(text: string): Promise<Reply<'customerImport'>> {
  const res = await fetch(routeUrl('customerImport'), {
    method: 'POST',
    headers: { ...auth(), 'content-type': 'text/csv; charset=utf-8' },
    body: text,
  });
  if (!res.ok) throw await failure(res);
  return (await res.json()) as Reply<'customerImport'>;
}

export async function exportCustomers(): Promise<void> {
  const res = await fetch(routeUrl('customerExport'), { headers: auth() });
  if (!res.ok) throw await failure(res);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = 'customers.csv';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
